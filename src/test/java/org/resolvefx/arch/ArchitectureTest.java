package org.resolvefx.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hard lines of the architecture (src/docs/architecture.md), checked on every build. */
@AnalyzeClasses(packages = "org.resolvefx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoUserInterface = noClasses()
            .that().resideInAPackage("org.resolvefx.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "com.sun.javafx..", "com.sun.glass..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp..", "org.resolvefx.ui..", "org.resolvefx.cli..")
            .because("the core (wire format, engine, traces, captures, lessons, namespace) must be usable and "
                    + "testable without JavaFX");

    @ArchTest
    static final ArchRule viewsDoNotUseTheCommandLine = noClasses()
            .that().resideInAPackage("org.resolvefx.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.resolvefx.cli..");

    @ArchTest
    static final ArchRule coreFeaturesHaveNoCycles = slices()
            .matching("org.resolvefx.core.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiFeaturesHaveNoCycles = slices()
            .matching("org.resolvefx.ui.(*)..")
            .should().beFreeOfCycles()
            .because("views are composed by ui.app; features do not reach into each other in circles");
}
