package io.github.dqualizer.ctk.jobs;

import java.util.Map;

class WaitModeWithoutPollingH2Test extends WaitModeWithoutPollingContract {

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url",
                "jdbc:h2:mem:wait-without-polling;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }
}
