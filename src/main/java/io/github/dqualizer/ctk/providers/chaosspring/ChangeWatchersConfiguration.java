package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code chaosspring.actions.change_watchers_configuration}: POST {@code watchers_configuration} as JSON to
 * {@code chaosmonkey/watchers}; returns the target's answer text. Values go as given: CMSB itself accepts
 * "true", "True" and "TRUE" for booleans.
 *
 * <p>Not in chaosspring 0.3.2 (proposed in its unmerged PR #8); dqualizer's experiments call it.
 */
@Component
public class ChangeWatchersConfiguration implements PythonFunction {

    private static final String FAILURE = "Change ChaosMonkey Watchers Configuration failed";

    private final ChaosMonkeyClient client;

    public ChangeWatchersConfiguration(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_ACTIONS;
    }

    @Override
    public String func() {
        return "change_watchers_configuration";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of("watchers_configuration");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        ChaosMonkeyEndpoint endpoint = ChaosMonkeyEndpoint.from(arguments);
        Object settings = arguments.get("watchers_configuration");
        if (settings != null && !(settings instanceof Map)) {
            throw new ActivityFailedException(
                    FAILURE + ": watchers_configuration must be a JSON object, got: " + settings);
        }
        // like chaosspring, an empty object is sent as no body at all, which CMSB answers with 400
        Object body = settings == null || ((Map<?, ?>) settings).isEmpty() ? null : settings;
        return client.requireOk(client.post(endpoint, "chaosmonkey/watchers", body, FAILURE), FAILURE);
    }
}
