package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code chaosspring.probes.chaosmonkey_enabled}: whether Chaos Monkey is on. Reads {@code enabled} from the
 * JSON of {@code /chaosmonkey/status} (CMSB 2.6 and later always answer 200); answers without that field follow
 * CMSB 2.5 and earlier, as chaosspring does: 200 means on, 503 means off.
 */
@Component
class ChaosMonkeyEnabled extends ChaosSpringFunction {

    private static final String FAILURE = "ChaosMonkey status enquiry failed";

    public ChaosMonkeyEnabled(ChaosMonkeyClient client) {
        super(client, MODULE_PROBES, "chaosmonkey_enabled");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        HttpResponse<String> response = client.get(ChaosMonkeyEndpoint.from(arguments), "chaosmonkey/status", FAILURE);
        if (response.statusCode() == 503) {
            return false;
        }
        client.requireOk(response, FAILURE);
        return enabledField(response).orElse(true);
    }

    private Optional<Boolean> enabledField(HttpResponse<String> response) {
        try {
            if (client.parseJson(response, FAILURE) instanceof Map<?, ?> status
                    && status.get("enabled") instanceof Boolean enabled) {
                return Optional.of(enabled);
            }
        } catch (RuntimeException notJson) {
            // CMSB 2.5 and earlier answered plain text such as "Ready to be evil!"
        }
        return Optional.empty();
    }
}
