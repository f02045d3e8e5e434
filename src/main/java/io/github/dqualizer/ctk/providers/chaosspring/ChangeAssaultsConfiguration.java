package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code chaosspring.actions.change_assaults_configuration}: POST {@code assaults_configuration} as JSON to
 * {@code chaosmonkey/assaults}; returns the target's answer text. Values go as given: CMSB itself accepts
 * "true", "True" and "TRUE" for booleans.
 */
@Component
public class ChangeAssaultsConfiguration implements PythonFunction {

    private static final String FAILURE = "Change ChaosMonkey Assaults Configuration failed";

    private final ChaosMonkeyClient client;

    public ChangeAssaultsConfiguration(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_ACTIONS;
    }

    @Override
    public String func() {
        return "change_assaults_configuration";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of("assaults_configuration");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        ChaosMonkeyEndpoint endpoint = ChaosMonkeyEndpoint.from(arguments);
        Object settings = arguments.get("assaults_configuration");
        if (settings != null && !(settings instanceof Map)) {
            throw new ActivityFailedException(
                    FAILURE + ": assaults_configuration must be a JSON object, got: " + settings);
        }
        // like chaosspring, an empty object is sent as no body at all, which CMSB answers with 400
        Object body = settings == null || ((Map<?, ?>) settings).isEmpty() ? null : settings;
        return client.requireOk(client.post(endpoint, "chaosmonkey/assaults", body, FAILURE), FAILURE);
    }
}
