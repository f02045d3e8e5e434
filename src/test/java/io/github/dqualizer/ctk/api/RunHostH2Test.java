package io.github.dqualizer.ctk.api;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link RunHostContract} on the embedded default database (H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-host;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.instance.host=" + RunHostContract.HOST,
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunHostH2Test extends RunHostContract {
}
