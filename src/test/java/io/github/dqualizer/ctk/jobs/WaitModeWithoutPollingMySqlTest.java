package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

@EnabledIfMySqlConfigured
class WaitModeWithoutPollingMySqlTest extends WaitModeWithoutPollingContract {

    @Override
    Map<String, String> database() {
        return MySqlTestDatabase.datasourceProperties();
    }
}
