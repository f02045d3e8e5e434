package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code chaosspring.actions.change_watchers_configuration}: POST {@code watchers_configuration} as JSON to
 * {@code chaosmonkey/watchers}; returns the target's answer text.
 *
 * <p>Not in chaosspring 0.3.2 (proposed in its unmerged PR #8); dqualizer's experiments call it.
 */
@Component
class ChangeWatchersConfiguration extends ChaosSpringFunction {

    public ChangeWatchersConfiguration(ChaosMonkeyClient client) {
        super(client, MODULE_ACTIONS, "change_watchers_configuration", "watchers_configuration");
    }

    @Override
    public Object invoke(Map<String, Object> arguments, RunContext context) throws InterruptedException {
        return postSettings(arguments, "watchers_configuration", "chaosmonkey/watchers",
                "Change ChaosMonkey Watchers Configuration failed");
    }
}
