package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code chaosspring.actions.disable_chaosmonkey}: POST {@code chaosmonkey/disable}; returns the answer text. */
@Component
class DisableChaosMonkey extends ChaosSpringFunction {

    public DisableChaosMonkey(ChaosMonkeyClient client) {
        super(client, MODULE_ACTIONS, "disable_chaosmonkey");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        return post(arguments, "chaosmonkey/disable", "Disable ChaosMonkey failed");
    }
}
