package io.github.dqualizer.ctk.api.fuzz;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The fuzz contract on the embedded default database (H2 in memory). The throttle limits are raised:
 * the fuzzer's wrong credentials would otherwise lock its own address out (the throttle has its own test), and so is
 * the bound of concurrent account checks to the requests in flight (its 503 has its own test, AccountCheckBoundTest),
 * and H2's wrong-password delay is off for the test JVM ({@code h2.delayWrongPasswordMin=0} in the pom), since H2
 * reads it once when it loads and it would serialise the fuzzer's wrong dbPassword cases. The decoy bcrypt of a failed
 * login is cheap here (4 rounds): the fuzz judges answers, not what a failure costs (LoginFailureCostTest does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-fuzz;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.auth.throttle.max-failures-per-user=1000000",
        "ctk.auth.throttle.max-failures-per-address=1000000",
        "ctk.auth.max-concurrent-account-checks=16",
        "ctk.auth.decoy-work-factor=4"})
class EndpointFuzzH2Test extends EndpointFuzzContract {
}
