package io.github.dqualizer.ctk.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The rule itself: which names and values are withheld, and how {@code denied}/{@code allowed} adjust it. */
class ChildEnvironmentTest {

    static final Map<String, String> ENVIRONMENT = Map.of(
            "CTK_SECRETS_KEY", "k3y", "spring_datasource_password", "dbPw", "JOBRUNR_X", "j",
            "JAVA_TOOL_OPTIONS", "-Dx", "JDK_JAVA_OPTIONS", "-Dy", "COPY", "dbPw",
            "AWS_SECRET_ACCESS_KEY", "aws", "KUBECONFIG", "/kube", "PATH", "/usr/bin", "INTERNAL_TOKEN", "t");

    @Test
    void serviceVariablesAndCredentialCopiesAreWithheldEverythingElseStays() {
        ChildEnvironment environment = new ChildEnvironment(EnvironmentProperties.defaults(), List.of("dbPw"), ENVIRONMENT);

        assertThat(environment.forChildProcess()).containsOnlyKeys("AWS_SECRET_ACCESS_KEY", "KUBECONFIG", "PATH",
                "INTERNAL_TOKEN");
        assertThat(environment.lookup("CTK_SECRETS_KEY")).isNull();
        assertThat(environment.lookup("COPY")).as("holds a credential").isNull();
        assertThat(environment.lookup("KUBECONFIG")).isEqualTo("/kube");
        assertThat(environment.refusal("spring_datasource_password")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'spring_datasource_password'").contains("ctk.engine.environment.allowed"));
        assertThat(environment.refusal("CTK_NOT_SET")).as("withheld by name even when unset").isPresent();
        assertThat(environment.refusal("AWS_SECRET_ACCESS_KEY")).isEmpty();
    }

    @Test
    void deniedAddsPatternsAndAllowedOpensExceptions() {
        ChildEnvironment environment = new ChildEnvironment(
                new EnvironmentProperties(List.of("internal_*"), List.of("CTK_SECRETS_*", "COPY")), List.of("dbPw"),
                ENVIRONMENT);

        assertThat(environment.lookup("INTERNAL_TOKEN")).isNull();
        assertThat(environment.lookup("CTK_SECRETS_KEY")).isEqualTo("k3y");
        assertThat(environment.lookup("COPY")).isEqualTo("dbPw");
        assertThat(environment.lookup("JOBRUNR_X")).isNull();
    }

    @Test
    void applyToReplacesTheInheritedEnvironment() {
        ChildEnvironment environment = new ChildEnvironment(EnvironmentProperties.defaults(), List.of(), ENVIRONMENT);
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("CTK_INHERITED", "x");

        assertThat(environment.applyTo(builder).environment()).doesNotContainKey("CTK_INHERITED")
                .containsEntry("PATH", "/usr/bin");
    }

    @Test
    void credentialsAreTheValuesOfCredentialPropertiesButNotOfAUsersVariables() {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("config", Map.of(
                "spring.datasource.password", "${DB_PW:dbPw}", "ctk.secrets.key", "k3y", "ctk.secrets.key-file", "f",
                "ctk.dashboard.password", "", "ctk.influx.token", "inf")));
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("AWS_SECRET_ACCESS_KEY", "aws", "CTK_DASHBOARD_PASSWORD", "dash")));

        assertThat(ServiceCredentials.values(spring)).containsExactlyInAnyOrder("dbPw", "k3y", "inf", "dash");
    }

    @Test
    void retiredSecretsKeysAreCredentialsEachOfThemInAListOrIndexed() {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("config", Map.of(
                "ctk.secrets.retired-keys", "old1, old2", "other.retired-keys[0]", "old3")));

        assertThat(ServiceCredentials.values(spring)).contains("old1", "old2", "old3");
    }
}
