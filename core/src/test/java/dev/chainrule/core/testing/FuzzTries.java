package dev.chainrule.core.testing;

import java.util.Locale;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the number of tries of the fuzz properties it is added to from the system property
 * {@value #PROPERTY} (default {@value #DEFAULT_TRIES}, so that a CI run checks at least 1000 graphs
 * per property after the few discarded ones), and prints one summary line per property: tries,
 * graphs checked, mismatches and time. A long run is
 * {@code mvn -o -pl core test -Dtest='RandomGraphPropertyTest,RewriteFuzzTest'
 * -Dchainrule.fuzz.tries=10000} (docs/reliability.md). Fails a property whose graphs are mostly
 * discarded, since it would then check far fewer graphs than it claims.
 */
public final class FuzzTries implements AroundPropertyHook {
  /** The system property holding the number of tries. */
  public static final String PROPERTY = "chainrule.fuzz.tries";
  /** Tries per property when the system property is absent. */
  public static final int DEFAULT_TRIES = 1100;
  /** The smallest share of tries that must be checked rather than discarded. */
  private static final double MIN_CHECKED = 0.9;

  /** Returns the configured number of tries. */
  public static int tries() {
    String v = System.getProperty(PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_TRIES;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive whole number, got '"
          + v + "'");
    }
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
      PropertyExecutor property) {
    context.attributes().setTries(tries());
    long start = System.nanoTime();
    PropertyExecutionResult result = property.execute();
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean failed = result.status() != PropertyExecutionResult.Status.SUCCESSFUL;
    System.out.printf(Locale.ROOT, "fuzz %s: %d tries, %d graphs checked, %s, %.1f s%n",
        context.label(), result.countTries(), result.countChecks(),
        failed ? "FAILED (the shrunk counterexample is in the failure)" : "0 mismatches", seconds);
    if (!failed && result.countChecks() < MIN_CHECKED * result.countTries()) {
      return result.mapToFailed("only " + result.countChecks() + " of " + result.countTries()
          + " graphs were checked; the generator discards too many");
    }
    return result;
  }
}
