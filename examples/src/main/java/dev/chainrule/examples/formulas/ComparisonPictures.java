package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.check.Verdict;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.SideBySide;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.tensor.TensorFormat;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pictures of a seed's hand-derived formulas next to reverse mode, one per formula: on the left
 * the gradient autograd builds (the backward subgraph, with the forward values it reuses), on the
 * right the formula built as a graph expression (down to the network values it reads), and the
 * comparison's verdict in the title. A formula computed on tensors has no graph to draw; it is
 * skipped with a note (and when every formula of a seed is, with one note).
 */
public final class ComparisonPictures {
  private ComparisonPictures() {}

  /** Compares every formula registered for the network's example and draws each comparison. */
  public static List<Picture> of(SeedNetwork net, ExportOptions options) {
    if (!SeedFormulas.has(net.name())) {
      return List.of(Picture.skipped(net.name() + "-manual", net.name() + ": no hand-derived "
          + "formulas are registered, so there is no comparison to draw"));
    }
    List<SeedFormula> formulas = SeedFormulas.of(net);
    NetworkNodes nodes = new NetworkNodes(net);
    List<FormulaComparison> reports = new ArrayList<>();
    for (SeedFormula f : formulas) {
      reports.add(ManualFormulaCheck.compare(net.loss(), nodes.get(f.wrt()), f.formula(),
          net.feeds()));
    }
    return of(net, formulas, reports, options);
  }

  /**
   * Draws comparisons already made: {@code reports.get(i)} is formula {@code i}'s. Numbers are
   * written as {@code formulas} writes them (1/m).
   */
  static List<Picture> of(SeedNetwork net, List<SeedFormula> formulas,
      List<FormulaComparison> reports, ExportOptions options) {
    ExportOptions named = options;
    for (Map.Entry<String, Double> s : SimplifiedPass.of(net, GradientForm.PER_SAMPLE, true)
        .symbols().entrySet()) {
      named = named.withSymbol(s.getKey(), s.getValue());
    }
    List<Picture> pictures = new ArrayList<>();
    for (int i = 0; i < formulas.size(); i++) {
      pictures.add(picture(net, i, formulas.get(i), reports.get(i), named));
    }
    if (!pictures.isEmpty() && pictures.stream().allMatch(Picture::isSkipped)) {
      return List.of(Picture.skipped(net.name() + "-manual", net.name() + ": its "
          + pictures.size() + " formulas are computed on tensors, not built as graph expressions; "
          + "no comparison pictures (compare " + net.name() + " still checks them)"));
    }
    return pictures;
  }

  private static Picture picture(SeedNetwork net, int index, SeedFormula f, FormulaComparison c,
      ExportOptions options) {
    String file = String.format(Locale.ROOT, "%s-manual-%02d-%s", net.name(), index + 1,
        f.wrt().replaceAll("[^A-Za-z0-9_]", ""));
    String gradient = "∂" + net.loss().name() + "/∂" + c.wrt();
    if (!f.formula().isGraphExpression()) {
      return Picture.skipped(file, net.name() + " formula " + (index + 1) + " (" + c.formula()
          + ") is computed on tensors, not built as a graph expression: no picture");
    }
    ExportOptions panel = options.withCollapsedScopes(false).withTitle(null);
    GraphExport autograd = GraphExport.of(c.autogradNode()).loss(net.loss()).feeds(net.feeds())
        .options(panel.withView(View.BACKWARD));
    SideBySide picture = SideBySide.titled(net.name() + ", " + gradient + ": "
        + verdict(c)).panel("autograd: " + gradient + ", reverse mode as built", autograd);
    String caption = "by hand: " + c.formula();
    if (c.manualNode() == null) {
      picture = picture.note(caption, c.message());
    } else {
      List<Node> network = List.copyOf(net.graph().nodes().subList(0, net.loss().id() + 1));
      picture = picture.panel(caption, GraphExport.of(c.manualNode()).stopAt(network)
          .feeds(net.feeds()).options(panel.withView(View.FORWARD)));
    }
    return Picture.of(file, picture.toDot());
  }

  /**
   * Returns the verdict as a title says it: AGREES, DIFFERS ×8 (the constant factor, when there is
   * one), DIFFERS with the largest relative error, or SHAPE_MISMATCH with both shapes.
   */
  static String verdict(FormulaComparison c) {
    if (c.verdict() == Verdict.AGREES) {
      return "AGREES";
    }
    if (c.verdict() == Verdict.DIFFERS) {
      Double factor = c.constantFactor();
      return factor != null ? "DIFFERS ×" + TensorFormat.number(factor)
          : "DIFFERS (largest relative error " + TensorFormat.number(c.maxRelativeError()) + ")";
    }
    return c.manual() == null ? "SHAPE_MISMATCH (the formula's products do not conform)"
        : "SHAPE_MISMATCH (the formula gives " + c.manual().shape() + ", autograd "
            + c.autograd().shape() + ")";
  }
}
