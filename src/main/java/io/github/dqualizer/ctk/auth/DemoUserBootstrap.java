package io.github.dqualizer.ctk.auth;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates dqualizer's demo user ({@code demoUser}/{@code demo}) on the embedded H2 database only,
 * so the dqualizer headers work out of the box; a MySQL users table is never written.
 */
@Component
class DemoUserBootstrap implements ApplicationRunner {

    static final String DEMO_USER = "demoUser";
    private static final Logger log = LoggerFactory.getLogger(DemoUserBootstrap.class);

    private final AuthProperties properties;
    private final DataSource dataSource;
    private final UserRepository users;

    DemoUserBootstrap(AuthProperties properties, DataSource dataSource, UserRepository users) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (properties.bootstrapDemoUser() && embedded() && !users.existsById(DEMO_USER)) {
            users.save(new User(DEMO_USER, PasswordHashes.sha256Hex("demo")));
            log.info("Created the demo user '{}' on the embedded database", DEMO_USER);
        }
    }

    private boolean embedded() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }
}
