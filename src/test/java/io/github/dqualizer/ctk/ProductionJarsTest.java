package io.github.dqualizer.ctk;

import io.github.dqualizer.ctk.support.ExternalService;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production form's jars ({@code mvn -Pproduction package} into {@code target/production-jars}): the
 * application's, JobRunr's, and every other runtime dependency merged by the Maven shade plugin into
 * {@code dqualizer-ctk-libs.jar}. Several dependencies carry files of the same name that Spring or the JDK read from
 * every jar and combine (auto-configurations, service providers, factories); a merged jar keeps one file of each
 * name, so every entry of every copy must be in it, or a feature silently disappears in production only. Then the
 * jars start with {@code java -jar} and run an experiment.
 * <p>
 * Needs the jars: skipped without them, unless {@code -Dctk.test.production.required=true} (CI builds them first).
 * The copies are read from this JVM's class path, which holds every runtime dependency (and test ones: only files the
 * merged jar has too, and only entries whose class the production jars hold, count).
 */
class ProductionJarsTest {

    private static final Path JARS = Path.of("target", "production-jars");
    private static final List<JarFile> PRODUCTION = new ArrayList<>();
    private static JarFile libs;

    @BeforeAll
    static void openTheJars() throws IOException {
        boolean built = Stream.of("dqualizer-ctk.jar", "dqualizer-ctk-libs.jar", "jobrunr.jar")
                .allMatch(name -> Files.isRegularFile(JARS.resolve(name)));
        if (!built && Boolean.getBoolean("ctk.test.production.required")) {
            throw new IllegalStateException("no production jars in " + JARS + ": build them first with mvn -Pproduction package -DskipTests");
        }
        Assumptions.assumeTrue(built, "no production jars in " + JARS + " (mvn -Pproduction package -DskipTests)");
        libs = new JarFile(JARS.resolve("dqualizer-ctk-libs.jar").toFile());
        PRODUCTION.add(libs);
        PRODUCTION.add(new JarFile(JARS.resolve("dqualizer-ctk.jar").toFile()));
        PRODUCTION.add(new JarFile(JARS.resolve("jobrunr.jar").toFile()));
    }

    @AfterAll
    static void closeTheJars() throws IOException {
        for (JarFile jar : PRODUCTION) {
            jar.close();
        }
        PRODUCTION.clear();
    }

    @Test
    void keepsEveryAutoConfigurationAndServiceProviderOfEveryJar() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path jar : classPathJars()) {
            if (jar.toAbsolutePath().normalize().startsWith(Path.of("target").toAbsolutePath())) {
                continue; // this build's own output
            }
            try (JarFile copy = new JarFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(copy.entries())) {
                    String name = entry.getName();
                    ZipEntry merged = libs.getEntry(name);
                    if (merged == null) {
                        continue; // a file of one jar only (the merged jar holds it as it is) or of a test dependency
                    }
                    Set<String> expected = mergedEntries(name, read(copy, entry));
                    if (expected == null) {
                        continue; // not a file the JDK or Spring combines across jars
                    }
                    expected.removeIf(item -> !namesProductionClass(item));
                    if (expected.isEmpty()) {
                        continue;
                    }
                    checked++;
                    Set<String> present = mergedEntries(name, read(libs, merged));
                    for (String item : expected) {
                        if (!present.contains(item)) {
                            missing.add(name + ": " + item + " (from " + jar.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("merged files checked").isGreaterThan(20);
        assertThat(missing).as("entries the merged jar lost (pom.xml, profile production: add a transformer)").isEmpty();
    }

    @Test
    void startsAndRunsAnExperimentInWaitMode(@TempDir Path work) throws Exception {
        int dashboardPort = ExternalService.freePort();
        try (ExternalService service = ExternalService.startJar(JARS.resolve("dqualizer-ctk.jar"), work, dashboardPort,
                Map.of("spring.datasource.url", "jdbc:h2:mem:production-jars;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"))) {
            ExternalService.Response answer = service.submitAndWait("""
                    {"title": "production jars", "description": "a process action and an HTTP probe",
                     "steady-state-hypothesis": {"title": "up", "probes": [{"type": "probe", "name": "health",
                       "provider": {"type": "http", "url": "%s/actuator/health"}, "tolerance": 200}]},
                     "method": [{"type": "action", "name": "echo", "provider": {"type": "process", "path": "echo",
                       "arguments": ["hello"]}}]}""".formatted(service.baseUrl()));
            assertThat(answer.statusCode()).as(String.valueOf(answer.body())).isEqualTo(200);
            assertThat(answer.body()).containsEntry("journal_status", "completed");
            assertThat(get(service.baseUrl() + "/openapi.yaml", null)).contains("/execute_experiment");
            // the JobRunr dashboard's pages come from its jar's resources
            String password = Files.readString(work.resolve("data/dashboard-password")).trim();
            assertThat(get("http://127.0.0.1:" + dashboardPort + "/dashboard/overview", "admin:" + password))
                    .containsIgnoringCase("<html");
            assertThat(service.logText()).doesNotContain(" ERROR ");
        }
    }

    private static String get(String url, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return response.body();
    }

    private static List<Path> classPathJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).map(Path::of).toList();
    }

    private static String read(JarFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The entries of a file that the JDK or Spring reads from every jar and combines, by its kind: a services or
     * imports file's class lines, the {@code key=value} pairs of {@code spring.factories} and {@code spring.handlers},
     * the keys of the auto-configuration metadata; {@code null} for any other file.
     */
    private static Set<String> mergedEntries(String name, String text) throws IOException {
        if (name.startsWith("META-INF/services/") && !name.endsWith("/")
                || name.startsWith("META-INF/spring/") && name.endsWith(".imports")) {
            return classLines(text);
        }
        if (name.equals("META-INF/spring.factories") || name.equals("META-INF/spring.handlers")) {
            return propertyPairs(text);
        }
        if (name.equals("META-INF/spring-autoconfigure-metadata.properties")) {
            return propertyKeys(text);
        }
        return null;
    }

    /** Lines of a services or imports file, without comments. */
    private static Set<String> classLines(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String item = line.replaceAll("#.*", "").trim();
            if (!item.isEmpty()) {
                lines.add(item);
            }
        }
        return lines;
    }

    /** {@code key=value} for each comma-separated value of a properties file (spring.factories lists several). */
    private static Set<String> propertyPairs(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Set<String> pairs = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            for (String value : properties.getProperty(key).split(",")) {
                if (!value.isBlank()) {
                    pairs.add(key + "=" + value.trim());
                }
            }
        }
        return pairs;
    }

    private static Set<String> propertyKeys(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /**
     * Whether the class an entry names is in the production jars: a line's class ({@code optional:} prefix aside), a
     * factory's implementation ({@code key=value}), or the class of an auto-configuration metadata key (itself, or
     * {@code com.example.FooAutoConfiguration.ConditionalOnClass} without its last part).
     */
    private static boolean namesProductionClass(String item) {
        int equals = item.indexOf('=');
        String name = equals >= 0 ? item.substring(equals + 1) : item.replaceFirst("^optional:", "");
        return inProductionJars(name) || name.lastIndexOf('.') > 0 && inProductionJars(name.substring(0, name.lastIndexOf('.')));
    }

    private static boolean inProductionJars(String className) {
        String entry = className.replace('.', '/') + ".class";
        return PRODUCTION.stream().anyMatch(jar -> jar.getEntry(entry) != null);
    }
}
