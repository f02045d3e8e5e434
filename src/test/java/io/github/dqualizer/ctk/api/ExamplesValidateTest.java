package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.ExampleExperiments;
import io.github.dqualizer.ctk.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** dqualizer's real experiments validate as they are, now that every python function they name exists. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class ExamplesValidateTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"dqualizer-process-unavailability.json", "dqualizer-late-responses.json",
            "dqualizer-failed-requests.json", "seed-delayed-responses.json"})
    void validateWhenDqualizerExampleThenValid(String example) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        TestUsers.authorized(client.post().uri("/experiments/validate").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(ExampleExperiments.json(ExampleExperiments.load(example))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true);
    }
}
