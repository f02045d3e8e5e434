package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code chaosspring.actions.enable_chaosmonkey}: POST {@code chaosmonkey/enable}; returns the answer text. */
@Component
class EnableChaosMonkey extends ChaosSpringFunction {

    public EnableChaosMonkey(ChaosMonkeyClient client) {
        super(client, MODULE_ACTIONS, "enable_chaosmonkey");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        return post(arguments, "chaosmonkey/enable", "Enable ChaosMonkey failed");
    }
}
