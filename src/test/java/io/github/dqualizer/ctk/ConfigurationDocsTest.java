package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** docs/configuration.md names every property the service binds, so the page stays the full list. */
class ConfigurationDocsTest {

    @Test
    void configurationDocsWhenReadThenEveryBoundPropertyIsListed() throws IOException {
        String docs = Files.readString(Path.of("docs/configuration.md"));

        List<String> properties = boundProperties();

        assertThat(properties).hasSizeGreaterThan(20);
        assertThat(properties).allSatisfy(property -> assertThat(docs).as("docs/configuration.md lists " + property)
                .contains("`" + property + "`"));
    }

    private static List<String> boundProperties() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> properties = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.github.dqualizer.ctk")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            assertThat(type.isRecord()).as(type + " is a properties record").isTrue();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(prefix + "." + kebab(component.getName()));
            }
        }
        return properties;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
