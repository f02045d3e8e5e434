package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** {@code chaosspring.actions.enable_chaosmonkey}: POST {@code chaosmonkey/enable}; returns the answer text. */
@Component
public class EnableChaosMonkey implements PythonFunction {

    private static final String FAILURE = "Enable ChaosMonkey failed";

    private final ChaosMonkeyClient client;

    public EnableChaosMonkey(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_ACTIONS;
    }

    @Override
    public String func() {
        return "enable_chaosmonkey";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of();
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        ChaosMonkeyEndpoint endpoint = ChaosMonkeyEndpoint.from(arguments);
        return client.requireOk(client.post(endpoint, "chaosmonkey/enable", null, FAILURE), FAILURE);
    }
}
