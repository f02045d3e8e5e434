package io.github.dqualizer.ctk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.EngineProperties;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.process.ProcessProperties;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.pythonruntime.PythonProperties;
import io.github.dqualizer.ctk.pythonruntime.PythonRuntime;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The engine beans wire with no python function and no listener registered. */
class EngineWiringTest {

    @Test
    void beansWithoutFunctionsOrListenersThenRunnable() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(EngineProperties.class, () -> new EngineProperties(true, null));
            context.registerBean(ProcessProperties.class, ProcessProperties::defaults);
            context.registerBean(ExecutablePolicy.class, ExecutablePolicy::allowAll);
            context.registerBean(ChildEnvironment.class, ChildEnvironment::defaults);
            context.registerBean(OutboundHosts.class, OutboundHosts::any);
            context.registerBean(PythonProperties.class, PythonProperties::defaults);
            context.registerBean(ControlsProperties.class, ControlsProperties::none);
            context.register(PythonFunctionRegistry.class, ExperimentReader.class, ExperimentValidator.class,
                    ExperimentRunner.class, PythonRuntime.class);
            context.refresh();

            assertThat(context.getBean(PythonFunctionRegistry.class).supportedNames()).isEmpty();
            Map<String, Object> journal = context.getBean(ExperimentRunner.class)
                    .run(Map.of("title", "t", "description", "d", "method", java.util.List.of()), new RunOptions("w", null));
            assertThat(journal.get("status")).isEqualTo("completed");
        }
    }
}
