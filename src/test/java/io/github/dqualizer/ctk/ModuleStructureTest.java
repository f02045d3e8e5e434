package io.github.dqualizer.ctk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The top-level packages of {@code io.github.dqualizer.ctk} are Spring Modulith application modules: they must form
 * a DAG and use each other only through their base package or a sub-package declared as {@code @NamedInterface}
 * (docs/adr/0005-module-verification.md).
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CtkApplication.class);

    @Test
    void modulesFormADagAndUseOnlyEachOthersPublishedTypes() {
        MODULES.verify();
    }
}
