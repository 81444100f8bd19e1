package dev.chainrule.examples.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The examples' packages depend on each other in one direction only: the entry point ({@code
 * Main}) on the commands, the commands on the seeds' networks and the shared command-line
 * helpers, never back; and neither core nor nn reaches up into the examples. Read from the
 * compiled classes with ArchUnit.
 */
class PackageCyclesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chainrule");

  @Test
  void examplePackagesHaveNoCycles() {
    JavaClasses examples = CLASSES.that(resideInAPackage("dev.chainrule.examples.."));
    slices().matching("dev.chainrule.(**)").should().beFreeOfCycles().check(examples);
  }

  @Test
  void theLibrariesNeverImportTheExamples() {
    noClasses().that().resideInAnyPackage("dev.chainrule.core..", "dev.chainrule.nn..")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.examples..")
        .check(CLASSES);
  }
}
