package io.github.dqualizer.ctk.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.TestUsers;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12's mix ({@link KeepAliveRequestMix}) against the running service: every request gets its answer, with
 * the status its kind must get. Subclasses choose the database. In the suite 2,000 requests (the suite's time is
 * bounded; {@code KeepAliveConnectionTest} catches the cause deterministically); the figures in docs/reliability.md
 * are of {@code -Dctk.mix.requests=8000}.
 */
abstract class EveryRequestAnsweredContract {

    static final int REQUESTS = Integer.getInteger("ctk.mix.requests", 2_000);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void mixedRequestsFromKeepAliveClientsThenEveryOneAnsweredWithItsStatus() throws Exception {
        TestUsers.ensure(dataSource);

        KeepAliveRequestMix.Result result = new KeepAliveRequestMix(port).run(REQUESTS);

        System.out.println("mix " + getClass().getSimpleName() + ": " + result.summary());
        assertThat(result.unanswered()).as("requests without any answer within %s", KeepAliveRequestMix.NO_ANSWER_AFTER)
                .isEmpty();
        assertThat(result.wrong()).as("answers other than the kind's status and envelope").isEmpty();
    }
}
