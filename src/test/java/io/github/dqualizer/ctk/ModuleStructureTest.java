package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The top-level packages of {@code io.github.dqualizer.ctk} are Spring Modulith application modules: they must form
 * a DAG and use each other only through their base package or what they publish with {@code @NamedInterface}
 * (docs/adr/0005-module-verification.md). The module graph in docs/architecture.md is written from the same model;
 * {@code -Dctk.docs.write=true} rewrites it instead of comparing.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CtkApplication.class);
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String BEGIN = "<!-- module graph: begin -->";
    private static final String END = "<!-- module graph: end -->";

    @Test
    void modulesFormADagAndUseOnlyEachOthersPublishedTypes() {
        MODULES.verify();
    }

    @Test
    void architectureDocumentShowsTheVerifiedModuleGraph() throws IOException {
        String document = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/architecture.md has the markers " + BEGIN + " and " + END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = document.substring(0, begin + BEGIN.length()) + "\n" + graph() + document.substring(end);
        if (Boolean.getBoolean("ctk.docs.write")) {
            Files.writeString(ARCHITECTURE, expected, StandardCharsets.UTF_8);
        }
        assertThat(document).as("docs/architecture.md's module graph; regenerate it with "
                + "mvn -B test -Dtest=ModuleStructureTest -Dctk.docs.write=true").isEqualTo(expected);
    }

    /** A Mermaid graph of the modules' direct dependencies and a table of the named interfaces each publishes. */
    private static String graph() {
        List<ApplicationModule> modules = MODULES.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        StringBuilder out = new StringBuilder("```mermaid\ngraph TD\n");
        for (ApplicationModule module : modules) {
            Set<String> targets = module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName).collect(Collectors.toCollection(TreeSet::new));
            if (targets.isEmpty()) {
                out.append("    ").append(module.getName()).append('\n');
            }
            targets.forEach(target -> out.append("    ").append(module.getName()).append(" --> ").append(target).append('\n'));
        }
        out.append("```\n\n| module | depends on | named interfaces published beyond its base package (`@NamedInterface`) |\n|---|---|---|\n");
        for (ApplicationModule module : modules) {
            String targets = module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                    .sorted().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
            String published = module.getNamedInterfaces().stream().filter(NamedInterface::isNamed)
                    .map(named -> "`" + named.getName() + "`").sorted().collect(Collectors.joining(", "));
            out.append("| `").append(module.getName()).append("` | ").append(targets.isEmpty() ? "–" : targets)
                    .append(" | ").append(published.isEmpty() ? "–" : published).append(" |\n");
        }
        return out.toString();
    }
}
