package io.github.dqualizer.ctk.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The live run page in a real browser: Debian's chromium, headless, driven by its chromedriver. The page is
 * opened the way an operator follows a link ({@code /experiments/{id}}, redirected to the page), asks for the four
 * credentials, and follows a run that waits for a gate file: the running activity shows live, then the ended run
 * with its deviation. The screenshot is checked by its pixels (the colour of the status badge and of the deviated
 * verdict) and written to {@code target/run-page.png} (docs/run-page.png is a copy of it).
 * Skipped, with the reason, only where chromium or chromedriver is not installed; {@code -Dctk.test.browser.required=true}
 * (set by {@code .ci/run}) makes that a failure.
 */
// the properties of ExecuteExperimentH2Test: Spring reuses that application context instead of starting another
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class RunPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path dir;

    private ChromeDriver browser;

    @BeforeEach
    void setUp() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("ctk.test.browser.required")) {
            assertThat(installed).as("chromium and chromedriver installed (apt-get install chromium chromium-driver)").isTrue();
        }
        assumeTrue(installed, "chromium or chromedriver not installed: apt-get install -y chromium chromium-driver");
        TestUsers.ensure(dataSource);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")),
                "--window-size=1100,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorFollowsARunLiveAndSeesItsDeviation() throws Exception {
        Path marker = Files.createFile(dir.resolve("marker"));
        Path gate = dir.resolve("gate");
        String runId = submit(gatedDeviation(marker, gate));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get("http://localhost:" + port + "/experiments/" + runId);
        assertThat(browser.getCurrentUrl()).as("a browser is sent to the run page")
                .isEqualTo("http://localhost:" + port + "/ui/experiments/" + runId);
        WebElement login = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        signIn(TestUsers.DEMO_USER, "wrong password");
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "These credentials were not accepted."));
        signIn(TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD);
        wait.until(ExpectedConditions.invisibilityOf(login));

        // live: the run waits in its method for the gate; the page shows it running, without a reload
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#status"), "data-status", "running"));
        WebElement waiting = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-phase=method] li[data-name='wait for the gate']")));
        wait.until(ExpectedConditions.attributeToBe(waiting, "data-status", "running"));
        assertThat(browser.findElement(By.cssSelector("section[data-phase=hypothesis-before] li.verdict")).getText())
                .contains("Steady state met");

        Files.createFile(gate);

        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#status"), "data-status", "deviated"));
        wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "The run has ended."));
        assertThat(waiting.getAttribute("data-status")).isEqualTo("succeeded");
        assertThat(waiting.findElement(By.className("duration")).getText()).matches("\\d+\\.\\d{3} s");
        WebElement verdict = browser.findElement(By.cssSelector("section[data-phase=hypothesis-after] li.verdict"));
        assertThat(verdict.getText()).contains("Steady state not met: probe 'marker exists' missed its tolerance");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("completed · deviated");
        WebElement missed = browser.findElement(By.cssSelector("section[data-phase=hypothesis-after] li[data-name='marker exists']"));
        assertThat(missed.getAttribute("data-status")).as("the probe out of tolerance is marked").isEqualTo("missed");
        assertThat(browser.findElements(By.cssSelector("section[data-phase=rollback] li")))
                .extracting(WebElement::getText).singleElement().asString().contains("put the marker back");
        assertThat(browser.getPageSource()).doesNotContain(TestUsers.DEMO_PASSWORD + "\"");

        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "run-page.png"), png);
        BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(colourAtCentre(screenshot, browser.findElement(By.id("status")).getRect()))
                .as("the status badge is painted deviated orange (#c2410c)").isEqualTo(new int[] {0xc2, 0x41, 0x0c});
        assertThat(colourAtLeftEdge(screenshot, verdict.getRect()))
                .as("the deviated verdict's border is orange (#c2410c)").isEqualTo(new int[] {0xc2, 0x41, 0x0c});
        assertThat(colourAtLeftEdge(screenshot, missed.getRect()))
                .as("the probe out of tolerance has an orange border (#c2410c)").isEqualTo(new int[] {0xc2, 0x41, 0x0c});
        assertThat(colourAtLeftEdge(screenshot, waiting.getRect()))
                .as("the succeeded activity's border is green (#15803d)").isEqualTo(new int[] {0x15, 0x80, 0x3d});
    }

    @Test
    void pageAloneCarriesNoDataAndForbidsForeignScripts() {
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));
        client.get().uri("/ui/experiments/00000000-0000-0000-0000-000000000000").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                        + "style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'")
                .expectHeader().valueEquals("Cache-Control", "no-store");
        client.get().uri("/experiments/00000000-0000-0000-0000-000000000000").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isUnauthorized();
    }

    private void signIn(String user, String password) {
        Map<String, String> fields = Map.of("dbUsername", TestUsers.DB_USER, "dbPassword", TestUsers.DB_PASSWORD,
                "username", user, "password", password);
        fields.forEach((id, value) -> {
            WebElement input = browser.findElement(By.id(id));
            input.clear();
            input.sendKeys(value);
        });
        browser.findElement(By.id("sign-in")).click();
    }

    private static int[] colourAtCentre(BufferedImage image, Rectangle box) {
        return rgb(image.getRGB(box.getX() + box.getWidth() / 2, box.getY() + box.getHeight() - 3));
    }

    private static int[] colourAtLeftEdge(BufferedImage image, Rectangle box) {
        return rgb(image.getRGB(box.getX() + 1, box.getY() + box.getHeight() / 2));
    }

    private static int[] rgb(int pixel) {
        return new int[] {(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff};
    }

    /** The hypothesis holds before; the method waits for the gate, then removes what the hypothesis checks. */
    private static String gatedDeviation(Path marker, Path gate) {
        return """
                {"title": "Marker survives its removal", "description": "a deviation the run page shows",
                 "steady-state-hypothesis": {"title": "marker present",
                   "probes": [{"type": "probe", "name": "marker exists", "tolerance": 0,
                               "provider": {"type": "process", "path": "test", "arguments": ["-f", "%1$s"]}}]},
                 "method": [{"type": "action", "name": "wait for the gate", "provider": {"type": "process", "path": "sh",
                             "arguments": ["-c", "while [ ! -f '%2$s' ]; do sleep 0.1; done"]}},
                            {"type": "action", "name": "remove the marker",
                             "provider": {"type": "process", "path": "rm", "arguments": ["%1$s"]}}],
                 "rollbacks": [{"type": "action", "name": "put the marker back",
                                "provider": {"type": "process", "path": "touch", "arguments": ["%1$s"]}}]}
                """.formatted(marker, gate);
    }

    private String submit(String experiment) {
        Map<String, Object> body = TestUsers.authorized(LocalClient.on(port, Duration.ofSeconds(30)).post()
                        .uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }
}
