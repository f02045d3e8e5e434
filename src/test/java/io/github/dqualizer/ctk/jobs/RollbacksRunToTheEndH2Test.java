package io.github.dqualizer.ctk.jobs;

import java.util.Map;

class RollbacksRunToTheEndH2Test extends RollbacksRunToTheEndContract {

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:ctk-rollbacks-to-the-end;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    }
}
