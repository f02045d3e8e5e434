package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code chaosspring.probes.assaults_configuration}: the current assault settings, parsed from JSON. */
@Component
class AssaultsConfiguration extends ChaosSpringFunction {

    public AssaultsConfiguration(ChaosMonkeyClient client) {
        super(client, MODULE_PROBES, "assaults_configuration");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        return getJson(arguments, "chaosmonkey/assaults", "ChaosMonkey assaults enquiry failed");
    }
}
