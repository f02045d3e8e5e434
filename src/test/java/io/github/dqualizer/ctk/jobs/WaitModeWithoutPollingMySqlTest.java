package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

/**
 * On a database of its own: the statement inspector sees every read of a run by id in this JVM, and on the fork's
 * database the instance's job server also takes other classes' jobs, such as a callback retry, which reads its own
 * run by id (one red CI run: a "Callback: uses a secret" job's read counted while the awaited run executed).
 */
@EnabledIfMySqlConfigured
class WaitModeWithoutPollingMySqlTest extends WaitModeWithoutPollingContract {

    private static String url;

    @Override
    Map<String, String> database() {
        if (url == null) {
            url = MySqlTestDatabase.privateUrl("waitmode");
        }
        return MySqlTestDatabase.datasourceProperties(url);
    }
}
