package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RunHostContract} on a real MySQL-compatible server (V6 migration included). */
@EnabledIfMySqlConfigured
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        "ctk.instance.host=" + RunHostContract.HOST,
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunHostMySqlTest extends RunHostContract {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MySqlTestDatabase::url);
        registry.add("spring.datasource.username", MySqlTestDatabase::username);
        registry.add("spring.datasource.password", MySqlTestDatabase::password);
    }
}
