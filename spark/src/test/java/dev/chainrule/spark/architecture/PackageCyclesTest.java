package dev.chainrule.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The spark module sits on top: its packages have no cycle (the command line uses the trainer,
 * never the other way), and Spark stays out of core and nn, which never import the module.
 */
class PackageCyclesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.chainrule");

  @Test
  void sparkPackagesHaveNoCycles() {
    slices().matching("dev.chainrule.spark.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theTrainerNeverUsesTheCommandLine() {
    noClasses().that().resideInAPackage("dev.chainrule.spark")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.spark.cli..")
        .check(CLASSES);
  }

  @Test
  void coreAndNnSeeNeitherSparkNorThisModule() {
    noClasses().that().resideInAnyPackage("dev.chainrule.core..", "dev.chainrule.nn..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
            "dev.chainrule.spark..")
        .check(CLASSES);
  }
}
