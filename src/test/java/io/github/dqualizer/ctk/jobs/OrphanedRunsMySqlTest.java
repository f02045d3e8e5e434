package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

@EnabledIfMySqlConfigured
class OrphanedRunsMySqlTest extends OrphanedRunsContract {

    @Override
    Map<String, String> database() {
        return MySqlTestDatabase.datasourceProperties();
    }
}
