package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

/**
 * On a database of its own: the first instance has no job server, and the run must stay queued until the second
 * starts; on the fork's database another class's cached context would take it (a .ci/run saw it "running").
 */
@EnabledIfMySqlConfigured
class RunSurvivesRestartMySqlTest extends RunSurvivesRestartContract {

    private static String url;

    @Override
    Map<String, String> database() {
        if (url == null) {
            url = MySqlTestDatabase.privateUrl("survivesrestart");
        }
        return MySqlTestDatabase.datasourceProperties(url);
    }
}
