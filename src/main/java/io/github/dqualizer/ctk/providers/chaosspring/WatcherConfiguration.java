package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code chaosspring.probes.watcher_configuration}: the current watcher settings, parsed from JSON. Asks
 * {@code /chaosmonkey/watchers} (CMSB 2.2 and later) and only on 404 the {@code /chaosmonkey/watcher} that
 * chaosspring asks (CMSB 2.0/2.1).
 */
@Component
public class WatcherConfiguration implements PythonFunction {

    private static final String FAILURE = "ChaosMonkey watcher enquiry failed";

    private final ChaosMonkeyClient client;

    public WatcherConfiguration(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_PROBES;
    }

    @Override
    public String func() {
        return "watcher_configuration";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of();
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        ChaosMonkeyEndpoint endpoint = ChaosMonkeyEndpoint.from(arguments);
        HttpResponse<String> response = client.get(endpoint, "chaosmonkey/watchers", FAILURE);
        if (response.statusCode() == 404) {
            HttpResponse<String> legacy = client.get(endpoint, "chaosmonkey/watcher", FAILURE);
            if (legacy.statusCode() == 200) {
                response = legacy;
            }
        }
        client.requireOk(response, FAILURE);
        return client.parseJson(response, FAILURE);
    }
}
