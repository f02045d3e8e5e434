package io.github.dqualizer.ctk.api.dqualizer;

import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What dqualizer's executor ({@code resilience/CtkRunner.kt} in dqexec) does with one experiment: a plain
 * {@code RestTemplate}, its four hard-coded headers, the experiment serialised with {@code INDENT_OUTPUT},
 * the answer decoded into {@code {status_code, status, info}}, then read back from a map; only 200 (or 0)
 * counts as success, anything else throws with {@code status}/{@code info}. (dqexec's main branch names the
 * field {@code statusCode} and so always fails on the missing map key; this is its {@code resilience_exec_with_auth}
 * shape, the one that can work.)
 */
final class DqexecClient {

    /** dqexec's {@code CtkExperimentExecutorAPIResponse}. */
    record CtkExperimentExecutorApiResponse(int status_code, String status, String info) {
    }

    /** dqexec's failure: the message carries {@code status} and {@code info}. */
    static final class ExperimentFailed extends RuntimeException {
        ExperimentFailed(String message) {
            super(message);
        }
    }

    private static final JsonMapper INDENTING = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final RestTemplate restTemplate = new RestTemplate();
    private final String url;

    DqexecClient(int port) {
        // dqexec uses http://host.docker.internal:<port>/execute_experiment on Linux; here the service is on loopback
        this.url = "http://127.0.0.1:" + port + "/execute_experiment";
    }

    /** The body dqexec posts: the experiment serialised with {@code INDENT_OUTPUT}. */
    static String indentedBody(Map<String, Object> experiment) {
        return INDENTING.writeValueAsString(experiment);
    }

    /** One experiment as dqexec runs it; returns the decoded answer when dqexec would count it as success. */
    CtkExperimentExecutorApiResponse execute(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("dbUsername", "aDBUser");
        headers.set("dbPassword", "aDBPw");
        headers.set("username", "demoUser");
        headers.set("password", "demo");
        CtkExperimentExecutorApiResponse response = restTemplate.postForObject(url, new HttpEntity<>(body, headers),
                CtkExperimentExecutorApiResponse.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> responseMap = MAPPER.convertValue(response, Map.class);
        int statusCode = (Integer) responseMap.get("status_code");
        if (statusCode != 200 && statusCode != 0) {
            throw new ExperimentFailed("Experiment failed: " + responseMap.get("status") + " " + responseMap.get("info"));
        }
        return response;
    }
}
