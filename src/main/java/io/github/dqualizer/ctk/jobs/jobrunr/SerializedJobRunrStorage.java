package io.github.dqualizer.ctk.jobs.jobrunr;

import io.github.dqualizer.ctk.database.SchemaLock;
import javax.sql.DataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared tables' JobRunr storage, as the starter builds it, but with JobRunr's table creation under the
 * {@link SchemaLock}: JobRunr's migrations are not serialized across processes, and three instances started together
 * on an empty database failed one start ("Can't DROP INDEX jobrunr_job_updated_at_idx", FleetProcessesMySqlTest).
 * The starter's bean backs off when this one exists.
 */
@Configuration(proxyBeanMethods = false)
class SerializedJobRunrStorage {

    @Bean(name = "storageProvider", destroyMethod = "close")
    StorageProvider storageProvider(BeanFactory beans, JobMapper jobMapper, JobRunrProperties properties) {
        JobRunrProperties.Database database = properties.getDatabase();
        DataSource dataSource = database.getDatasource() == null || database.getDatasource().isEmpty()
                ? beans.getBean(DataSource.class) : beans.getBean(database.getDatasource(), DataSource.class);
        String prefix = database.getTablePrefix();
        StorageProvider storage = database.isSkipCreate()
                ? SqlStorageProviderFactory.using(dataSource, prefix, DatabaseOptions.SKIP_CREATE)
                : SchemaLock.holding(dataSource, () -> SqlStorageProviderFactory.using(dataSource, prefix, DatabaseOptions.CREATE));
        storage.setJobMapper(jobMapper);
        return storage;
    }
}
