package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import org.springframework.stereotype.Component;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** {@code chaosspring.probes.assaults_configuration}: the current assault settings, parsed from JSON. */
@Component
public class AssaultsConfiguration implements PythonFunction {

    private static final String FAILURE = "ChaosMonkey assaults enquiry failed";

    private final ChaosMonkeyClient client;

    public AssaultsConfiguration(ChaosMonkeyClient client) {
        this.client = client;
    }

    @Override
    public String module() {
        return Signatures.MODULE_PROBES;
    }

    @Override
    public String func() {
        return "assaults_configuration";
    }

    @Override
    public List<FunctionParameter> parameters() {
        return Signatures.of();
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        HttpResponse<String> response = client.get(ChaosMonkeyEndpoint.from(arguments), "chaosmonkey/assaults",
                FAILURE);
        client.requireOk(response, FAILURE);
        return client.parseJson(response, FAILURE);
    }
}
