package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** {@code chaosspring.actions.disable_chaosmonkey}: POST {@code chaosmonkey/disable}; returns the answer text. */
@Component
public class DisableChaosMonkey implements PythonFunction {

    private static final String FAILURE = "Disable ChaosMonkey failed";

    private final ChaosMonkeyClient client;

    public DisableChaosMonkey(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_ACTIONS;
    }

    @Override
    public String func() {
        return "disable_chaosmonkey";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of();
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        ChaosMonkeyEndpoint endpoint = ChaosMonkeyEndpoint.from(arguments);
        return client.requireOk(client.post(endpoint, "chaosmonkey/disable", null, FAILURE), FAILURE);
    }
}
