package io.github.dqualizer.ctk.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import io.github.dqualizer.ctk.support.PrivateMariaDb;
import io.github.dqualizer.ctk.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract on a MariaDB server of its own. On the shared test database, the cached application contexts of other
 * MySQL test classes keep job servers running, and the fleet's nudge wakes them the moment a job is created: one of
 * them claimed a job before this test could orphan it (ConcurrentJobModificationException in a CI run).
 */
@EnabledIfMySqlConfigured
class OrphanedRunsMySqlTest extends OrphanedRunsContract {

    private PrivateMariaDb server;

    @Override
    Map<String, String> database() {
        if (server == null) {
            if (!PrivateMariaDb.available()) {
                if (MySqlTestDatabase.required()) {
                    fail(PrivateMariaDb.SERVER + " is missing but MySQL-backed tests are required (ctk.test.mysql.required=true)");
                }
                Assumptions.abort(PrivateMariaDb.SERVER + " is not installed: this test needs a private MariaDB server");
            }
            server = PrivateMariaDb.start(dir.resolve("mariadb"));
        }
        return Map.of("spring.datasource.url", server.jdbcUrl(),
                "spring.datasource.username", TestUsers.DB_USER,
                "spring.datasource.password", TestUsers.DB_PASSWORD);
    }

    @Override
    void afterInstancesStopped() {
        if (server != null) {
            server.close();
        }
    }
}
