package io.github.dqualizer.ctk.jobs;

import java.util.Map;

class SequentialRunsStartAtOnceH2Test extends SequentialRunsStartAtOnceContract {

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url",
                "jdbc:h2:mem:sequential-runs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }
}
