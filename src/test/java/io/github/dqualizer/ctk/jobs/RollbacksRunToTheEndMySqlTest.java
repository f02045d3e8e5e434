package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

/**
 * On a database of its own, so that the run executes on the test's executing instance: on the fork's database another
 * class's cached context could take it, and "cancelled twice on the same instance" would not be what is tested.
 */
@EnabledIfMySqlConfigured
class RollbacksRunToTheEndMySqlTest extends RollbacksRunToTheEndContract {

    private static String url;

    @Override
    Map<String, String> database() {
        if (url == null) {
            url = MySqlTestDatabase.privateUrl("rollbackstoend");
        }
        return MySqlTestDatabase.datasourceProperties(url);
    }
}
