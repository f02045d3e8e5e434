package io.github.dqualizer.ctk.api.fuzz;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzz contract on a real MySQL-compatible server (column sizes and encodings are MySQL's there). */
@EnabledIfMySqlConfigured
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.auth.throttle.max-failures-per-user=1000000",
        "ctk.auth.throttle.max-failures-per-address=1000000",
        "ctk.auth.max-concurrent-account-checks=16",
        "ctk.auth.decoy-work-factor=4"})
class EndpointFuzzMySqlTest extends EndpointFuzzContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MySqlTestDatabase::url);
        registry.add("spring.datasource.username", MySqlTestDatabase::username);
        registry.add("spring.datasource.password", MySqlTestDatabase::password);
    }
}
