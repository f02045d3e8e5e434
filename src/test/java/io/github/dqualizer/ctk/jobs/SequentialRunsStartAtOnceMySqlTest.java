package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import java.util.Map;

@EnabledIfMySqlConfigured
class SequentialRunsStartAtOnceMySqlTest extends SequentialRunsStartAtOnceContract {

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", MySqlTestDatabase.url(),
                "spring.datasource.username", MySqlTestDatabase.username(),
                "spring.datasource.password", MySqlTestDatabase.password());
    }
}
