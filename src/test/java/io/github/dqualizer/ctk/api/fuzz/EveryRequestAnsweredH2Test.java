package io.github.dqualizer.ctk.api.fuzz;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The request mix on the embedded default database (H2 in memory). The throttle limits are raised so that every
 * wrong credential reaches the account checks instead of a 429 (the throttle has its own tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-mix;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.auth.throttle.max-failures-per-user=1000000",
        "ctk.auth.throttle.max-failures-per-address=1000000"})
class EveryRequestAnsweredH2Test extends EveryRequestAnsweredContract {
}
