package io.github.dqualizer.ctk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The web layer ({@code api}) and the live events it streams ({@code events}) see runs through the run store's read
 * model ({@code StoredRun}, {@code RunPage}), never a JPA entity ({@code ExperimentRun}, {@code Schedule}, {@code User}),
 * the persistence API or Spring Data ({@code Page}): an entity there could be changed and merged by accident, or
 * lazily loaded on the event loop. Spring Modulith cannot say this (the run store publishes both the entity, for the
 * job machinery of its own module, and the read model), so ArchUnit does (ADR 0005).
 */
class WebLayerBoundaryTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.dqualizer.ctk");

    @Test
    void apiAndEventsNeverSeeEntitiesPersistenceOrSpringData() {
        noClasses().that().resideInAnyPackage("io.github.dqualizer.ctk.api..", "io.github.dqualizer.ctk.events..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.data..")
                .because("the web layer answers from read models (StoredRun, RunPage, ScheduleView), docs/architecture.md")
                .check(PRODUCTION);
    }
}
