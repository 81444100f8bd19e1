package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.tensor.Tensor;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the seeds spell the same quantity: seed 004 writes W[2], Z[2], A[0] = X; seeds 002 and 003
 * write W(2), z(2), a(0), 1(y) and p; seed 000 writes w[2], z[2], a[0], y. Seed 003's output layer
 * has no activation, so its z(2) is named a(2).
 */
final class SeedNotation {
  private static final Pattern LAYERED = Pattern.compile("([A-Za-z])\\[(\\d+)\\]");

  private SeedNotation() {}

  /** Returns the ways the seeds write {@code name}, the name itself first. */
  static List<String> spellings(String name) {
    List<String> out = new ArrayList<>();
    out.add(name);
    switch (name) {
      case "A[0]":
        out.addAll(List.of("X", "a(0)", "a[0]"));
        return out;
      case "Y":
        out.addAll(List.of("1(y)", "y"));
        return out;
      case "P":
        out.add("p");
        return out;
      default:
        break;
    }
    Matcher m = LAYERED.matcher(name);
    if (m.matches()) {
      String upper = m.group(1).toUpperCase(java.util.Locale.ROOT);
      String lower = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String layer = m.group(2);
      for (String letter : List.of(upper, lower)) {
        out.add(letter + "(" + layer + ")");
        out.add(letter + "[" + layer + "]");
      }
      if (upper.equals("Z")) {
        out.add("a(" + layer + ")");
      }
    }
    return out;
  }

  /**
   * Returns a formula on tensors that may name values in seed 004's notation whatever notation the
   * network uses: each lookup tries {@link #spellings} in turn.
   */
  static ManualFormula tensors(String name, Function<Map<String, Tensor>, Tensor> f) {
    return ManualFormula.tensors(name, values -> f.apply(new Spelled(values)));
  }

  /** A read-only view of named values that finds a name under any of its spellings. */
  private static final class Spelled extends AbstractMap<String, Tensor> {
    private final Map<String, Tensor> values;

    Spelled(Map<String, Tensor> values) {
      this.values = values;
    }

    @Override
    public Tensor get(Object name) {
      for (String spelling : spellings(String.valueOf(name))) {
        if (values.containsKey(spelling)) {
          return values.get(spelling);
        }
      }
      return values.get(name);
    }

    @Override
    public Set<Entry<String, Tensor>> entrySet() {
      return values.entrySet();
    }
  }
}
