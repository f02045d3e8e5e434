package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.influx.InfluxProperties;
import io.github.dqualizer.ctk.influx.InfluxWriter;
import io.github.dqualizer.ctk.influx.ResilienceMeasurements;
import io.github.dqualizer.ctk.metrics.ExpectedRecoveryTimeListener;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The host functions and InfluxDB writer as Spring beans, with their properties bound. */
class HostWiringTest {

    @Configuration
    @EnableConfigurationProperties({HostProperties.class, InfluxProperties.class})
    @Import({ProcessTable.class, ProcessGuard.class, ProcessTerminator.class, ProcessLauncher.class, ProcessAppearanceWaiter.class,
            CheckProcessExists.class, DurationUntilProcessStarted.class, KillProcessByName.class, StartJvmProcessByPath.class,
            StartProcessByPath.class, InfluxWriter.class, ResilienceMeasurements.class, ExpectedRecoveryTimeListener.class})
    static class Host {
        @Bean
        CredentialVerifier credentialVerifier() {
            return new FixedCredentialVerifier();
        }

        @Bean
        ExecutablePolicy executablePolicy() {
            return ExecutablePolicy.allowAll();
        }

        @Bean
        ChildEnvironment childEnvironment() {
            return ChildEnvironment.defaults();
        }
    }

    @Test
    void functionsAreBeansAndPropertiesBindWithDefaults() {
        new ApplicationContextRunner().withUserConfiguration(Host.class)
                .withPropertyValues("ctk.host.allowed-process-names=a,b", "ctk.host.poll-interval=2ms", "ctk.influx.token=x")
                .run(context -> {
                    assertThat(context.getBeansOfType(PythonFunction.class).values())
                            .extracting(function -> function.module() + "." + function.func())
                            .containsExactlyInAnyOrder("processMonitoring.check_process_exists",
                                    "processMonitoring.get_duration_until_process_started", "processKilling.kill_process_by_name",
                                    "processStarting.start_jvm_process_by_path", "processStarting.start_process_by_path");
                    HostProperties host = context.getBean(HostProperties.class);
                    assertThat(host.allowedProcessNames()).containsExactly("a", "b");
                    assertThat(host.pollInterval()).isEqualTo(Duration.ofMillis(2));
                    assertThat(host.deniedProcessNames()).isEqualTo(HostProperties.DEFAULT_DENIED);
                    InfluxProperties influx = context.getBean(InfluxProperties.class);
                    assertThat(influx.enabled()).isFalse();
                    assertThat(influx.bucket()).isEqualTo("my-bucket");
                    assertThat(influx.toString()).doesNotContain("token=x");
                });
    }

    @Test
    void credentialParametersComeFirstAndAreRequired() {
        KillProcessByName kill = new HostFunctions().kill;
        assertThat(kill.parameters()).extracting(p -> p.name() + (p.required() ? "" : "?"))
                .isEqualTo(List.of("db_username", "db_password", "username", "password", "process_name", "graceful?", "grace_period_sec?"));
    }
}
