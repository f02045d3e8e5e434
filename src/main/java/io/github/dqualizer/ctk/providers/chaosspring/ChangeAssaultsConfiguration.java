package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code chaosspring.actions.change_assaults_configuration}: POST {@code assaults_configuration} as JSON to
 * {@code chaosmonkey/assaults}; returns the target's answer text.
 */
@Component
class ChangeAssaultsConfiguration extends ChaosSpringFunction {

    public ChangeAssaultsConfiguration(ChaosMonkeyClient client) {
        super(client, MODULE_ACTIONS, "change_assaults_configuration", "assaults_configuration");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        return postSettings(arguments, "assaults_configuration", "chaosmonkey/assaults",
                "Change ChaosMonkey Assaults Configuration failed");
    }
}
