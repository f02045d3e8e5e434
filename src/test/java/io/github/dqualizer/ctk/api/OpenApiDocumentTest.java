package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * docs/openapi.yaml is the API description (ADR 0004): the service serves exactly that file, it is
 * valid OpenAPI 3.1, and it names exactly the operations the running application maps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "openapi.yaml");

    private static String yaml;
    private static OpenAPI document;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void parse() throws IOException {
        yaml = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages()).as("parser messages for %s", DOCUMENT).isEmpty();
        document = result.getOpenAPI();
    }

    @Test
    void documentWhenParsedThenValidOpenApi31() {
        assertThat(document).isNotNull();
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
        assertThat(document.getInfo().getTitle()).isNotBlank();
        assertThat(document.getPaths()).isNotEmpty();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                assertThat(operation.getResponses()).as("%s %s responses", method, path).isNotEmpty()));
        assertThat(document.getComponents().getSchemas()).containsKeys("Envelope", "Run", "RunPage", "Journal");
    }

    @Test
    void openApiWhenFetchedWithoutCredentialsThenTheDocumentAsCommitted() {
        byte[] served = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(yaml);
    }

    @Test
    void everyMappedOperationWhenCompiledThenDocumented() {
        Set<String> mapped = operations(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        assertThat(mapped).as("the application's own request mappings").isNotEmpty();
        assertThat(documented()).as("operations in docs/openapi.yaml").containsAll(mapped);
    }

    @Test
    void everyDocumentedOperationWhenRunningThenMapped() {
        // the application's controllers plus actuator's endpoint mapping (GET /actuator/health)
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
                .forEach(mapping -> served.addAll(operations(mapping)));
        Set<String> missing = new TreeSet<>(documented());
        missing.removeAll(served);
        assertThat(missing).as("documented but not served").isEmpty();
    }

    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            path.getValue().readOperationsMap().keySet()
                    .forEach(method -> operations.add(method.name() + " " + path.getKey()));
        }
        return operations;
    }

    private static Set<String> operations(RequestMappingInfoHandlerMapping mapping) {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            info.getPatternsCondition().getPatterns().forEach(pattern -> {
                if (methods.isEmpty()) {
                    operations.add("ANY " + pattern.getPatternString());
                }
                methods.forEach(method -> operations.add(method.name().toUpperCase(Locale.ROOT) + " " + pattern.getPatternString()));
            });
        }
        return operations;
    }
}
