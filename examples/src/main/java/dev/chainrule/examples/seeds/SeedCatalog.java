package dev.chainrule.examples.seeds;

import dev.chainrule.examples.mazur.MazurNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The seeds' networks by example name, for the subcommands that take an example argument. */
public final class SeedCatalog {
  private static final Map<String, Supplier<SeedNetwork>> NETWORKS = new LinkedHashMap<>();

  static {
    NETWORKS.put("mazur", () -> new MazurNetwork().asSeedNetwork());
  }

  private SeedCatalog() {}

  /** Returns the example names, in catalogue order. */
  public static Iterable<String> names() {
    return NETWORKS.keySet();
  }

  /** Builds the named network; throws naming the known examples when the name is unknown. */
  public static SeedNetwork build(String name) {
    Supplier<SeedNetwork> s = NETWORKS.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown example '" + name + "'; known examples: "
          + String.join(", ", NETWORKS.keySet()));
    }
    return s.get();
  }
}
