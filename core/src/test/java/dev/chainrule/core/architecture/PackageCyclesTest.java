package dev.chainrule.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other in one direction only (tensor ← graph ← autodiff ← exec ←
 * exec.train, …), read from the compiled classes with ArchUnit, with no exemption. graph.ops
 * depends on graph and not the other way: graph declares the node's fluent methods ({@code
 * x.tanh()}) and graph.ops implements them in the one concrete node class, which graph makes
 * through the {@code NodeFactory} graph.ops provides.
 */
class PackageCyclesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chainrule.core");

  @Test
  void corePackagesHaveNoCycles() {
    slices().matching("dev.chainrule.core.(**)").should().beFreeOfCycles().check(CORE);
  }

  /**
   * The fluent methods ({@code x.tanh()}) are declared in graph and implemented in graph.ops, so a
   * body written in graph would name an operation; this says so before the cycle test does.
   */
  @Test
  void theGraphNamesNoOperation() {
    noClasses().that().resideInAPackage("dev.chainrule.core.graph")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.core.graph.ops")
        .check(CORE);
  }

  @Test
  void theGraphKnowsNoExecutor() {
    noClasses().that().resideInAnyPackage("dev.chainrule.core.tensor..",
        "dev.chainrule.core.graph..", "dev.chainrule.core.autodiff..")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.core.exec..")
        .check(CORE);
  }

  /**
   * Scalar forms are the operations' math, below the graph: the fused loops and the generated
   * code know forms and primitives, never the graph's operations, so they need no change when an
   * operation is added.
   */
  @Test
  void scalarFormsFusedLoopsAndGeneratedCodeKnowNoOperation() {
    noClasses().that().resideInAPackage("dev.chainrule.core.scalar..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chainrule.core.graph..",
            "dev.chainrule.core.exec..")
        .check(CORE);
    noClasses().that().resideInAnyPackage("dev.chainrule.core.exec.fused..",
        "dev.chainrule.core.exec.codegen..")
        .should().dependOnClassesThat().resideInAPackage("dev.chainrule.core.graph..")
        .check(CORE);
  }

  @Test
  void coreImportsNeitherNnNorExamples() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.chainrule.nn..", "dev.chainrule.examples..")
        .check(CORE);
  }
}
