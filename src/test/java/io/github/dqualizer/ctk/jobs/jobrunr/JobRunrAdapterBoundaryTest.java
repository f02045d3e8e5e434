package io.github.dqualizer.ctk.jobs.jobrunr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * JobRunr's internals (its dashboard handlers, its job runner's thread-local, the job steward) are used only in this
 * package, the one adapter {@link JobRunrInternalsContractTest} covers; the rest of the service uses JobRunr's public
 * API (scheduler, job builders, storage provider, job context).
 */
class JobRunrAdapterBoundaryTest {

    @Test
    void onlyTheAdapterTouchesJobRunrInternals() {
        noClasses().that().resideOutsideOfPackage("io.github.dqualizer.ctk.jobs.jobrunr")
                .should().dependOnClassesThat().resideInAnyPackage("org.jobrunr.dashboard..", "org.jobrunr.server.runner..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jobrunr.server.JobSteward")
                .because("a JobRunr upgrade has one place to check (docs/adr/0001, 0003)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.dqualizer.ctk"));
    }
}
