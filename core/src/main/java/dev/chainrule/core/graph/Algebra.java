package dev.chainrule.core.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rewriter may assume about an operation, declared in the operation's own file: in which
 * operands it is linear (a scalar factor or a sign passes through: Σ(c·x) = c·Σx, A·(−B) = −A·B;
 * a shared operand comes out of a sum: A·x + B·x = (A + B)·x), in which it is odd (only a sign
 * passes: a/(−b) = −(a/b)), its neutral elements (x + 0 = x, x·(−1) = −x), and identities of its
 * own as {@link Rewrite} objects. The rewriter's rule families
 * are generic over these facts, so a new operation states its algebra here and no rule lists it.
 * Immutable; built from {@link #NONE} with the {@code with…} methods.
 */
public final class Algebra {
  /** No facts: what an operation has unless it says otherwise. */
  public static final Algebra NONE = new Algebra(0, 0, null, List.of(), List.of());

  /**
   * An operand value that makes a binary operation return its other operand, or that operand's
   * negation.
   *
   * @param operand the operand holding the value
   * @param value the value, everywhere in the operand
   * @param negated true when the result is the other operand's negation
   * @param rule how the rewrite is named, e.g. {@code "x + 0 → x"}
   */
  public record Neutral(int operand, double value, boolean negated, String rule) {}

  private record Entry(Rewrite.Family family, Rewrite rewrite) {}

  private final int linear;
  private final int odd;
  private final String phrase;
  private final List<Neutral> neutrals;
  private final List<Entry> identities;

  private Algebra(int linear, int odd, String phrase, List<Neutral> neutrals,
      List<Entry> identities) {
    this.linear = linear;
    this.odd = odd;
    this.phrase = phrase;
    this.neutrals = neutrals;
    this.identities = identities;
  }

  /**
   * Returns these facts plus: the operation is linear in each of {@code operands}, so
   * op(…, c·x, …) = c·op(…, x, …) for a number c (hence also odd in them) and op(…, x + y, …) =
   * op(…, x, …) + op(…, y, …), the other operands held fixed.
   */
  public Algebra withLinear(int... operands) {
    int mask = 0;
    for (int i : operands) {
      mask |= 1 << i;
    }
    return new Algebra(linear | mask, odd | mask, phrase, neutrals, identities);
  }

  /** Returns these facts plus: op(…, −x, …) = −op(…, x, …) exactly in each of {@code operands}. */
  public Algebra withOdd(int... operands) {
    int mask = 0;
    for (int i : operands) {
      mask |= 1 << i;
    }
    return new Algebra(linear, odd | mask, phrase, neutrals, identities);
  }

  /**
   * Returns these facts, the operation being named {@code phrase} in the names of rewrites
   * ("factor taken out of a product"); the default is the operation's name.
   */
  public Algebra withPhrase(String phrase) {
    return new Algebra(linear, odd, phrase, neutrals, identities);
  }

  /**
   * Returns these facts plus: operand {@code operand} equal to {@code value} everywhere leaves the
   * other operand.
   */
  public Algebra withNeutral(int operand, double value, String rule) {
    return withNeutral(new Neutral(operand, value, false, rule));
  }

  /**
   * Returns these facts plus: operand {@code operand} equal to {@code value} everywhere negates the
   * other operand.
   */
  public Algebra withNegating(int operand, double value, String rule) {
    return withNeutral(new Neutral(operand, value, true, rule));
  }

  private Algebra withNeutral(Neutral n) {
    List<Neutral> all = new ArrayList<>(neutrals);
    all.add(n);
    return new Algebra(linear, odd, phrase, List.copyOf(all), identities);
  }

  /** Returns these facts plus an identity of the operation, tried by {@code family}'s rule. */
  public Algebra withIdentity(Rewrite.Family family, Rewrite rewrite) {
    List<Entry> all = new ArrayList<>(identities);
    all.add(new Entry(family, rewrite));
    return new Algebra(linear, odd, phrase, neutrals, List.copyOf(all));
  }

  /** Returns true when the operation is linear in operand {@code i}. */
  public boolean linear(int i) {
    return (linear >> i & 1) != 0;
  }

  /** Returns true when a negation passes through operand {@code i} exactly. */
  public boolean odd(int i) {
    return (odd >> i & 1) != 0;
  }

  /** Returns how rewrites name the operation, or null for its name. */
  public String phrase() {
    return phrase;
  }

  /** Returns the neutral and negating elements, in the order the rewriter tries them. */
  public List<Neutral> neutrals() {
    return neutrals;
  }

  /** Returns the identities of the operation that rule {@code family} tries, in order. */
  public List<Rewrite> identities(Rewrite.Family family) {
    List<Rewrite> out = new ArrayList<>();
    for (Entry i : identities) {
      if (i.family() == family) {
        out.add(i.rewrite());
      }
    }
    return out;
  }
}
