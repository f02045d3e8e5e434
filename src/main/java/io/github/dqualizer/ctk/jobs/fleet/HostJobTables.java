package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.database.SchemaLock;
import io.github.dqualizer.ctk.database.TransactionBoundDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One JobRunr table set per host on the same database (prefix {@code h_<host>_<crc>_}): a run pinned to a host has
 * its job there, where only the job servers of that host's instances fetch it. Unpinned runs use the shared
 * (configured) tables. Storage providers and schedulers are created on first use. Whichever instance touches a host's
 * tables first creates them; the others wait for it ({@link SchemaLock}).
 */
@Component
public class HostJobTables implements DisposableBean {

    private static final int READABLE_CHARS = 12;

    private final DataSource dataSource;
    private final JsonMapper jsonMapper;
    private final JobScheduler shared;
    private final String sharedPrefix;
    private final ConcurrentMap<String, StorageProvider> storages = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, JobScheduler> schedulers = new ConcurrentHashMap<>();
    /** By table prefix: JobRunr storage that writes in the caller's transaction. */
    private final ConcurrentMap<String, StorageProvider> inTransaction = new ConcurrentHashMap<>();

    HostJobTables(DataSource dataSource, @Qualifier("jobRunrJsonMapper") JsonMapper jsonMapper, JobScheduler shared,
                  @Value("${jobrunr.database.table-prefix:}") String sharedPrefix) {
        this.dataSource = dataSource;
        this.jsonMapper = jsonMapper;
        this.shared = shared;
        this.sharedPrefix = sharedPrefix;
    }

    /** Where to create (and delete) the job of a run pinned to {@code host}; null host: the shared tables. */
    public JobScheduler scheduler(String host) {
        return host == null ? shared : schedulers.computeIfAbsent(host, h -> {
            JobScheduler scheduler = new JobScheduler(storage(h));
            BackgroundJob.setJobScheduler(shared); // JobScheduler's constructor made itself JobRunr's static default
            return scheduler;
        });
    }

    /**
     * Where the job of a run pinned to {@code host} is stored (null host: the shared tables), writing in the caller's
     * Spring transaction ({@link TransactionBoundDataSource}): a run and its job are committed together or not at all.
     */
    public StorageProvider storageInTransaction(String host) {
        String prefix = host == null ? sharedPrefix : prefix(host);
        if (host != null) {
            storage(host); // the host's tables exist from here on
        }
        return inTransaction.computeIfAbsent(prefix, p -> {
            // no validation: the tables are created and checked by the storage that owns them (a missing one fails the write)
            StorageProvider storage = SqlStorageProviderFactory.using(new TransactionBoundDataSource(dataSource), p,
                    DatabaseOptions.NO_VALIDATE);
            storage.setJobMapper(new JobMapper(jsonMapper));
            return storage;
        });
    }

    /** The JobRunr storage of {@code host}'s table set (created when missing, under the schema lock). */
    public StorageProvider storage(String host) {
        return storages.computeIfAbsent(host, h -> {
            // under the schema lock: JobRunr's table migrations are not serialized across instances (SchemaLock)
            StorageProvider storage = SchemaLock.holding(dataSource,
                    () -> SqlStorageProviderFactory.using(dataSource, prefix(h), DatabaseOptions.CREATE));
            storage.setJobMapper(new JobMapper(jsonMapper));
            return storage;
        });
    }

    /** The jobs table of a run's job: {@code host}'s, or the shared one for null. */
    public String jobsTable(String host) {
        return (host == null ? sharedPrefix : prefix(host)) + "jobrunr_jobs";
    }

    /**
     * A prefix that is a valid identifier on every database JobRunr supports and short enough for its index names
     * (MySQL allows 64 characters): a readable part of the host name plus a checksum that keeps hosts whose
     * readable parts coincide apart.
     */
    String prefix(String host) {
        String readable = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (readable.length() > READABLE_CHARS) {
            readable = readable.substring(0, READABLE_CHARS);
        }
        CRC32 crc = new CRC32();
        crc.update(host.getBytes(StandardCharsets.UTF_8));
        return sharedPrefix + "h_" + readable + "_" + String.format("%08x", crc.getValue()) + "_";
    }

    @Override
    public void destroy() {
        Stream.concat(storages.values().stream(), inTransaction.values().stream()).forEach(storage -> {
            try {
                storage.close();
            } catch (RuntimeException ignored) {
                // closing at shutdown: nothing left to do about it
            }
        });
    }
}
