package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation class is accounted for in float32: either it supports float32 in every one of
 * its {@link OpCatalogue} entries, so that {@link Float32ContractTest} checks its forward against
 * float64 and, when every operation of its backward pass runs in float32, its gradients; or it is
 * listed here as not yet supporting float32, and {@link Float32ContractTest} checks that a plan
 * refuses it by name. A new operation that supports float32 is thereby checked as soon as it has
 * catalogue entries; one that does not must be listed; and one listed that has gained a float32
 * kernel must leave the list, so that the list stays the truth.
 */
class Float32CoverageTest {
  /**
   * The operation classes without a float32 kernel yet, by simple name: none since the products,
   * indexing ops, convolutions and pools gained theirs (issue 17, branches f32mm and f32conv).
   */
  static final Set<String> NOT_YET_FLOAT32 = Set.of();

  /**
   * The operation classes that support float32 but some of whose catalogue entries have a
   * backward pass using an operation that does not yet: their gradients are compared in float32
   * only once it does.
   */
  static final Set<String> GRADIENTS_NOT_YET_FLOAT32 = Set.of();

  private static Map<String, List<Entry>> entriesByClass() {
    return OpCatalogue.entries().stream().collect(Collectors.groupingBy(
        e -> e.op().getClass().getSimpleName(), TreeMap::new, Collectors.toList()));
  }

  @Test
  void everyOperationEitherSupportsFloat32OrIsListed() {
    Set<String> classes = OpClasses.all().stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, List<Entry>> byClass = entriesByClass();
    assertEquals(classes, byClass.keySet(),
        "every op class has catalogue entries (OpContractTest)");
    Set<String> unlisted = new TreeSet<>();
    Set<String> listedButSupported = new TreeSet<>();
    Set<String> partly = new TreeSet<>();
    byClass.forEach((name, entries) -> {
      long supporting = entries.stream().filter(e -> e.op().supports(DType.FLOAT32)).count();
      if (supporting > 0 && supporting < entries.size()) {
        partly.add(name);
      } else if (supporting == 0 && !NOT_YET_FLOAT32.contains(name)) {
        unlisted.add(name);
      } else if (supporting > 0 && NOT_YET_FLOAT32.contains(name)) {
        listedButSupported.add(name);
      }
    });
    assertEquals(Set.of(), unlisted, "ops without a float32 kernel that NOT_YET_FLOAT32 does not "
        + "list; give them one, or list them");
    assertEquals(Set.of(), listedButSupported, "ops listed in NOT_YET_FLOAT32 that now support "
        + "float32; take them off the list");
    assertEquals(Set.of(), partly, "ops supporting float32 in some configurations only");
    assertTrue(classes.containsAll(NOT_YET_FLOAT32), "NOT_YET_FLOAT32 names op classes");
  }

  @Test
  void everyFloat32OperationHasItsGradientsCheckedInFloat32OrIsListed() {
    Set<String> unchecked = new TreeSet<>();
    Float32ContractTest.float32Differentiable().forEach(e -> {
      Float32ContractTest.Built b = new Float32ContractTest.Built(e,
          Float32ContractTest.rounded(e), DType.FLOAT32);
      Tensor u = Tensor.zeros(Float32ContractTest.outputShape(e));
      if (!Float32ContractTest.runsInFloat32(Float32ContractTest.gradients(b, u))) {
        unchecked.add(e.op().getClass().getSimpleName());
      }
    });
    assertEquals(GRADIENTS_NOT_YET_FLOAT32, unchecked, "ops whose float32 gradients the contract "
        + "test cannot compare (their backward pass needs an op without a float32 kernel)");
  }
}
