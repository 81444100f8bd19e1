package dev.chainrule.core.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a graph picture shows and how it is laid out. Start from {@link #defaults()} and change one
 * setting at a time with the {@code with…} methods; the record is immutable.
 *
 * @param view which part of the graph to draw: the forward computation, the gradient computation,
 *     or both overlaid
 * @param direction the direction data flows in the picture
 * @param values whether nodes show their values, their statistics, or neither
 * @param collapseScopes draw one box per top-level name scope (one per layer) instead of every node
 * @param legend add a legend explaining the colours and line styles in use
 * @param title a caption above the picture, or null for none
 * @param inlineLiterals write scalar literals such as the 2 in {@code 2·x} inside the label of the
 *     operation that uses them instead of as nodes of their own
 * @param maxValueElements tensors with at most this many elements are shown in full when {@link
 *     ValueDisplay#VALUES} is chosen; bigger ones are summarised by statistics
 * @param symbols literal numbers written as names, e.g. {@code m → 8}: a literal 8 is labelled m
 *     and a literal 0.125 is labelled 1/m, as the formula printer writes them
 * @param maxNodes the node budget: a picture that would draw more boxes than this, or more rows
 *     of boxes than a tenth of it (at least 40), is summarised (scopes collapsed, runs of
 *     identical steps folded, the rest left out), and says so; {@link #ALL_NODES} draws
 *     everything
 * @param expanded the names of scopes and folds the summary draws in full even over the budget
 */
public record ExportOptions(View view, Direction direction, ValueDisplay values,
    boolean collapseScopes, boolean legend, String title, boolean inlineLiterals,
    int maxValueElements, Map<String, Double> symbols, int maxNodes, Set<String> expanded) {

  /**
   * The default node budget: pictures up to this many boxes, and 40 rows deep, are drawn in full.
   */
  public static final int DEFAULT_MAX_NODES = 400;

  /** The budget that draws every node, however many (Graphviz may then take minutes). */
  public static final int ALL_NODES = Integer.MAX_VALUE;

  /** Which nodes of the selected graph a picture draws. */
  public enum View {
    /** Only forward nodes: the model as the user wrote it. */
    FORWARD,
    /**
     * Only gradient nodes, plus the forward values they reuse drawn faded as context, plus the loss
     * when gradients were given.
     */
    BACKWARD,
    /** Forward and gradient nodes together; the backward part in its own cluster. */
    BOTH
  }

  /** The direction of data flow: Graphviz's {@code rankdir}. */
  public enum Direction {
    /** Top to bottom. */
    TB,
    /** Left to right. */
    LR
  }

  /** How much of each node's value a picture shows. */
  public enum ValueDisplay {
    /** No values: the picture needs no evaluation. */
    NONE,
    /** Small tensors in full, bigger ones as statistics. */
    VALUES,
    /** Statistics (mean, standard deviation, minimum, maximum) for every tensor. */
    STATISTICS
  }

  /**
   * Checks that no setting is missing and that {@code maxValueElements} and {@code maxNodes} are
   * positive; keeps read-only copies of the symbols and expanded names in their order (null means
   * none).
   */
  public ExportOptions {
    if (view == null || direction == null || values == null) {
      throw new IllegalArgumentException("view, direction and values must be set; got view="
          + view + ", direction=" + direction + ", values=" + values);
    }
    if (maxValueElements < 1) {
      throw new IllegalArgumentException("maxValueElements must be at least 1, got "
          + maxValueElements);
    }
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes must be at least 1 (or ALL_NODES), got "
          + maxNodes);
    }
    symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols == null ? Map.of()
        : symbols));
    expanded = Collections.unmodifiableSet(new LinkedHashSet<>(expanded == null ? Set.of()
        : expanded));
  }

  /**
   * Returns both parts, top to bottom, no values, every node up to a budget of {@value
   * #DEFAULT_MAX_NODES}, a legend, no title, literals inline.
   */
  public static ExportOptions defaults() {
    return new ExportOptions(View.BOTH, Direction.TB, ValueDisplay.NONE, false, true, null, true,
        6, Map.of(), DEFAULT_MAX_NODES, Set.of());
  }

  /** Returns these options drawing {@code newView}. */
  public ExportOptions withView(View newView) {
    return new ExportOptions(newView, direction, values, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options laid out in {@code newDirection}. */
  public ExportOptions withDirection(Direction newDirection) {
    return new ExportOptions(view, newDirection, values, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options showing values as {@code display} says. */
  public ExportOptions withValues(ValueDisplay display) {
    return new ExportOptions(view, direction, display, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options with one box per top-level scope when {@code collapse} is true. */
  public ExportOptions withCollapsedScopes(boolean collapse) {
    return new ExportOptions(view, direction, values, collapse, legend, title, inlineLiterals,
        maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options with or without a legend. */
  public ExportOptions withLegend(boolean show) {
    return new ExportOptions(view, direction, values, collapseScopes, show, title, inlineLiterals,
        maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options captioned {@code newTitle} (null for no caption). */
  public ExportOptions withTitle(String newTitle) {
    return new ExportOptions(view, direction, values, collapseScopes, legend, newTitle,
        inlineLiterals, maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options writing literals inline ({@code true}) or as small nodes. */
  public ExportOptions withInlineLiterals(boolean inline) {
    return new ExportOptions(view, direction, values, collapseScopes, legend, title, inline,
        maxValueElements, symbols, maxNodes, expanded);
  }

  /** Returns these options showing tensors of up to {@code n} elements in full. */
  public ExportOptions withMaxValueElements(int n) {
    return new ExportOptions(view, direction, values, collapseScopes, legend, title,
        inlineLiterals, n, symbols, maxNodes, expanded);
  }

  /**
   * Returns these options labelling the literal {@code value} as {@code name} and its reciprocal
   * as 1/{@code name} (negatives with a minus), e.g. {@code withSymbol("m", 8)} for a batch of 8.
   */
  public ExportOptions withSymbol(String name, double value) {
    if (name == null || name.isBlank() || !(value != 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("a symbol needs a name and a finite non-zero value, got "
          + name + " = " + value);
    }
    Map<String, Double> more = new LinkedHashMap<>(symbols);
    more.put(name, value);
    return new ExportOptions(view, direction, values, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, more, maxNodes, expanded);
  }

  /**
   * Returns these options summarising pictures of more than {@code n} boxes, or more than n / 10
   * rows deep (at least 40) ({@link #ALL_NODES} for none).
   */
  public ExportOptions withMaxNodes(int n) {
    return new ExportOptions(view, direction, values, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, symbols, n, expanded);
  }

  /**
   * Returns these options drawing the named scopes and folds in full, as a summary names them
   * ({@code layer1}, {@code backward of layer1}, {@code fold 2}).
   */
  public ExportOptions withExpanded(String... names) {
    Set<String> more = new LinkedHashSet<>(expanded);
    more.addAll(List.of(names));
    return new ExportOptions(view, direction, values, collapseScopes, legend, title,
        inlineLiterals, maxValueElements, symbols, maxNodes, more);
  }
}
