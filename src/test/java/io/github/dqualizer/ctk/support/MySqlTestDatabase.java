package io.github.dqualizer.ctk.support;

/**
 * The MySQL-compatible server the MySQL-backed tests use, configured through
 * {@code CTK_TEST_MYSQL_URL}, {@code CTK_TEST_MYSQL_USERNAME} and {@code CTK_TEST_MYSQL_PASSWORD}.
 * When {@code -Dctk.test.mysql.required=true} (CI), a missing server fails the tests instead of skipping them.
 * <p>
 * Surefire runs the suite in several JVMs at once ({@code ctk.test.fork} is the fork's number): the first uses the
 * configured database, fork N another one named {@code <database>_fN}, created here, so that the job servers of one
 * fork never take the jobs of another fork's tests. The account needs the right to create it ({@code .ci/run}
 * grants the database name as a prefix).
 */
public final class MySqlTestDatabase {

    /** The system property holding this fork's URL; set by {@link #url()}, which the MySQL condition calls first. */
    static final String FORK_URL = "ctk.test.mysql.url";

    /*
     * The datasource as inlined test properties, resolved when the context starts (this fork's URL, see url()): test classes
     * that name the same properties share one application context (a @DynamicPropertySource method of their own
     * would give each class its own).
     */
    public static final String URL_PROPERTY = "spring.datasource.url=${" + FORK_URL + "}";
    public static final String USERNAME_PROPERTY = "spring.datasource.username=${CTK_TEST_MYSQL_USERNAME:aDBUser}";
    public static final String PASSWORD_PROPERTY = "spring.datasource.password=${CTK_TEST_MYSQL_PASSWORD:aDBPw}";

    private static final java.util.regex.Pattern JDBC_URL =
            java.util.regex.Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/]+/)([^?;/]+)(.*)$");

    private static String forkUrl;

    private MySqlTestDatabase() {
    }

    public static boolean configured() {
        String url = url();
        return url != null && !url.isBlank();
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty("ctk.test.mysql.required", "false"));
    }

    /** The service's datasource properties for this server. */
    public static java.util.Map<String, String> datasourceProperties() {
        return java.util.Map.of("spring.datasource.url", url(), "spring.datasource.username", username(),
                "spring.datasource.password", password());
    }

    /** This fork's database (see the class comment); created on first use. */
    public static synchronized String url() {
        String configured = System.getenv("CTK_TEST_MYSQL_URL");
        if (configured == null || configured.isBlank()) {
            return configured;
        }
        if (forkUrl == null) {
            forkUrl = forkDatabase(configured, fork());
            System.setProperty(FORK_URL, forkUrl);
        }
        return forkUrl;
    }

    private static int fork() {
        try {
            return Integer.parseInt(System.getProperty("ctk.test.fork", "1").trim());
        } catch (NumberFormatException notInSurefire) {
            return 1;
        }
    }

    private static String forkDatabase(String configured, int fork) {
        if (fork <= 1) {
            return configured;
        }
        java.util.regex.Matcher parts = JDBC_URL.matcher(configured);
        if (!parts.matches()) {
            throw new IllegalStateException("CTK_TEST_MYSQL_URL must name a database (jdbc:mysql://host:port/database"
                    + "[?options]) so that each test fork gets one of its own: " + configured);
        }
        String database = parts.group(2) + "_f" + fork;
        try (java.sql.Connection server = java.sql.DriverManager.getConnection(parts.group(1) + parts.group(3),
                username(), password()); java.sql.Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the database " + database + " of test fork " + fork
                    + " (the account needs the right to create databases named " + parts.group(2) + "_f*)", e);
        }
        return parts.group(1) + database + parts.group(3);
    }

    /**
     * A database of the test class's own, empty, beside this fork's ({@code <fork database>_<name>}): for classes whose
     * instances must be the only job servers on their database. The cached application contexts of other MySQL test
     * classes in the same fork keep their job servers running on the fork's database, and they take any run that is
     * not pinned to a host (FleetProcessesMySqlTest and AcceptOnlyFleetMySqlTest saw runs executed on host "vm").
     */
    public static String privateUrl(String name) {
        java.util.regex.Matcher parts = JDBC_URL.matcher(url());
        if (!parts.matches()) {
            throw new IllegalStateException("CTK_TEST_MYSQL_URL must name a database: " + url());
        }
        String database = parts.group(2) + "_" + name;
        try (java.sql.Connection server = java.sql.DriverManager.getConnection(parts.group(1) + parts.group(3),
                username(), password()); java.sql.Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the database " + database
                    + " (the account needs the right to create databases named " + parts.group(2) + "_*)", e);
        }
        return parts.group(1) + database + parts.group(3);
    }

    /** The service's datasource properties for {@link #privateUrl}. */
    public static java.util.Map<String, String> datasourceProperties(String url) {
        return java.util.Map.of("spring.datasource.url", url, "spring.datasource.username", username(),
                "spring.datasource.password", password());
    }

    public static String username() {
        return orDefault(System.getenv("CTK_TEST_MYSQL_USERNAME"), "aDBUser");
    }

    public static String password() {
        return orDefault(System.getenv("CTK_TEST_MYSQL_PASSWORD"), "aDBPw");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
