package dev.chainrule.nn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * nn's packages depend on each other in one direction only (data ← model ← losses ← train ← io,
 * …), core never reaches up into nn, and nn never into the examples: read from the compiled
 * classes with ArchUnit.
 */
class PackageCyclesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chainrule.core", "dev.chainrule.nn");

  @Test
  void nnPackagesHaveNoCycles() {
    slices().matching("dev.chainrule.nn.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void coreNeverImportsNn() {
    noClasses().that().resideInAPackage("dev.chainrule.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.nn..")
        .check(CLASSES);
  }

  @Test
  void nnNeverImportsTheExamples() {
    noClasses().that().resideInAPackage("dev.chainrule.nn..")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.examples..")
        .check(CLASSES);
  }
}
