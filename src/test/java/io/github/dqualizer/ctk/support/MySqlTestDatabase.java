package io.github.dqualizer.ctk.support;

/**
 * The MySQL-compatible server the MySQL-backed tests use, configured through
 * {@code CTK_TEST_MYSQL_URL}, {@code CTK_TEST_MYSQL_USERNAME} and {@code CTK_TEST_MYSQL_PASSWORD}.
 * When {@code -Dctk.test.mysql.required=true} (CI), a missing server fails the tests instead of skipping them.
 */
public final class MySqlTestDatabase {

    /*
     * The datasource as inlined test properties, resolved from the environment when the context starts: test classes
     * that name the same properties share one application context (a @DynamicPropertySource method of their own
     * would give each class its own).
     */
    public static final String URL_PROPERTY = "spring.datasource.url=${CTK_TEST_MYSQL_URL}";
    public static final String USERNAME_PROPERTY = "spring.datasource.username=${CTK_TEST_MYSQL_USERNAME:aDBUser}";
    public static final String PASSWORD_PROPERTY = "spring.datasource.password=${CTK_TEST_MYSQL_PASSWORD:aDBPw}";

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

    public static String url() {
        return System.getenv("CTK_TEST_MYSQL_URL");
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
