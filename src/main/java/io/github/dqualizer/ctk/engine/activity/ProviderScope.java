package io.github.dqualizer.ctk.engine.activity;

import io.github.dqualizer.ctk.engine.substitution.Substitutor;
import java.util.Map;

/** The configuration and secrets a provider call sees, with the substitution over them. */
public record ProviderScope(Map<String, Object> configuration, Map<String, Object> secrets, Substitutor substitutor) {

    public static ProviderScope of(Map<String, Object> configuration, Map<String, Object> secrets) {
        return new ProviderScope(configuration, secrets, new Substitutor(configuration, secrets));
    }
}
