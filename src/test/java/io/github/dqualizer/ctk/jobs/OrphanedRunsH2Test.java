package io.github.dqualizer.ctk.jobs;

import java.util.Map;

class OrphanedRunsH2Test extends OrphanedRunsContract {

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:ctk-orphaned-runs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    }
}
