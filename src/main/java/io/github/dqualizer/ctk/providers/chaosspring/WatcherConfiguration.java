package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code chaosspring.probes.watcher_configuration}: the current watcher settings, parsed from JSON. Asks
 * {@code /chaosmonkey/watchers} (CMSB 2.2 and later) and only on 404 the {@code /chaosmonkey/watcher} that
 * chaosspring asks (CMSB 2.0/2.1).
 */
@Component
class WatcherConfiguration extends ChaosSpringFunction {

    private static final String FAILURE = "ChaosMonkey watcher enquiry failed";

    public WatcherConfiguration(ChaosMonkeyClient client) {
        super(client, MODULE_PROBES, "watcher_configuration");
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
        return json(response, FAILURE);
    }
}
