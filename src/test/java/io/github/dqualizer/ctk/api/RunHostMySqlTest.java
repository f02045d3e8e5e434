package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.EnabledIfMySqlConfigured;
import io.github.dqualizer.ctk.support.MySqlTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RunHostContract} on a real MySQL-compatible server (V6 migration included), on a database of its own: the
 * runs must execute on this instance, and the job servers of other classes' cached contexts on the fork's database
 * are woken for every unpinned run too (a UDP nudge), so one of them could take it.
 */
@EnabledIfMySqlConfigured
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ctk.dashboard.enabled=false",
        "ctk.instance.host=" + RunHostContract.HOST,
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunHostMySqlTest extends RunHostContract {

    private static String url;

    /** Created once: Spring may read the property more than once. */
    private static synchronized String database() {
        if (url == null) {
            url = MySqlTestDatabase.privateUrl("runhost");
        }
        return url;
    }

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", RunHostMySqlTest::database);
        registry.add("spring.datasource.username", MySqlTestDatabase::username);
        registry.add("spring.datasource.password", MySqlTestDatabase::password);
    }
}
