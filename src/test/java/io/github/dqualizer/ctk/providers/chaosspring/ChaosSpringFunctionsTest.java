package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The functions are beans the engine finds by module and name, with chaosspring's signatures. */
class ChaosSpringFunctionsTest {

    private static final List<String> SHARED = List.of("headers?", "timeout?", "verify_ssl?", "configuration?",
            "secrets?");

    @Test
    void componentScanFindsAllSevenFunctionsWithChaosspringSignatures() {
        try (var context = new AnnotationConfigApplicationContext()) {
            // the one bean the package needs from outside it (the application makes it from ctk.http.allowed-hosts)
            context.registerBean(OutboundHosts.class, OutboundHosts::any);
            context.scan(ChaosMonkeyClient.class.getPackageName());
            context.refresh();
            Map<String, List<String>> signatures = context.getBeansOfType(PythonFunction.class).values().stream()
                    .collect(Collectors.toMap(f -> f.module() + "." + f.func(), f -> describe(f.parameters())));

            assertThat(signatures).containsOnlyKeys(
                    "chaosspring.actions.enable_chaosmonkey", "chaosspring.actions.disable_chaosmonkey",
                    "chaosspring.actions.change_assaults_configuration",
                    "chaosspring.actions.change_watchers_configuration",
                    "chaosspring.probes.chaosmonkey_enabled", "chaosspring.probes.assaults_configuration",
                    "chaosspring.probes.watcher_configuration");
            assertThat(signatures.get("chaosspring.actions.enable_chaosmonkey")).isEqualTo(with("base_url"));
            assertThat(signatures.get("chaosspring.probes.watcher_configuration")).isEqualTo(with("base_url"));
            assertThat(signatures.get("chaosspring.actions.change_assaults_configuration"))
                    .isEqualTo(with("base_url", "assaults_configuration"));
            assertThat(signatures.get("chaosspring.actions.change_watchers_configuration"))
                    .isEqualTo(with("base_url", "watchers_configuration"));
        }
    }

    private static List<String> describe(List<FunctionParameter> parameters) {
        return parameters.stream().map(p -> p.name() + (p.required() ? "" : "?")).toList();
    }

    private static List<String> with(String... required) {
        return Stream.concat(Arrays.stream(required), SHARED.stream()).toList();
    }
}
