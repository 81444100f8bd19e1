package dev.chainrule.examples.graph;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.SideBySide;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.formulas.ComparisonPictures;
import dev.chainrule.examples.formulas.SimplifiedPass;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.examples.seeds.SeedNetwork;
import dev.chainrule.explorer.GraphExplorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pictures of one seed network: its forward graph, its gradient graph (reverse mode with
 * respect to its parameters), both overlaid, one box per layer, the gradient graph after the
 * rewrites that {@code formulas} prints (alone, and next to the graph as built), and autograd
 * next to each of the seed's hand-derived formulas. The network is built and differentiated once,
 * so every view numbers nodes alike and the DOT text is the same on every run: docs/images/ is
 * checked against it. Numbers are written as {@code formulas} writes them (1/m, λ).
 */
public final class SeedPictures {
  private final SeedNetwork network;
  private final Gradients gradients;
  private final SimplifiedPass simplified;

  private SeedPictures(SeedNetwork network) {
    this.network = network;
    this.gradients = Autodiff.gradients(network.loss(), network.parameters());
    this.simplified = SimplifiedPass.of(network, GradientForm.PER_SAMPLE, true);
  }

  /** Builds the named catalogue network, its gradients and its simplified backward pass. */
  public static SeedPictures of(String example) {
    return new SeedPictures(SeedCatalog.build(example));
  }

  /** Returns the example's name. */
  public String name() {
    return network.name();
  }

  /**
   * Returns the pictures of one view: one, or for {@link PictureKind#MANUAL} one per formula
   * (skipped, with a note, where a formula has no graph). {@code base} supplies direction, values,
   * legend and literal settings; the view, scope collapsing and title are set here.
   */
  public List<Picture> pictures(PictureKind kind, ExportOptions base) {
    ExportOptions options = base;
    for (Map.Entry<String, Double> s : simplified.symbols().entrySet()) {
      options = options.withSymbol(s.getKey(), s.getValue());
    }
    String file = network.name() + "-" + kind.fileSuffix();
    switch (kind) {
      case SIMPLIFIED:
        return List.of(Picture.of(file, simplifiedExport().options(options
            .withView(View.BACKWARD).withCollapsedScopes(false).withTitle(title(kind)))
            .picture()));
      case BEFORE_AFTER:
        ExportOptions panel = options.withView(View.BACKWARD).withCollapsedScopes(false);
        return List.of(Picture.of(file, SideBySide.titled(title(kind))
            .panel("reverse mode as built", raw(PictureKind.BACKWARD).options(panel))
            .panel("after simplification, as printed by: formulas " + network.name(),
                simplifiedExport().options(panel))
            .toDot()));
      case MANUAL:
        return ComparisonPictures.of(SeedCatalog.build(network.name()), options);
      default:
        View view = kind == PictureKind.BACKWARD ? View.BACKWARD
            : kind == PictureKind.BOTH ? View.BOTH : View.FORWARD;
        return List.of(Picture.of(file, raw(kind).options(options.withView(view)
            .withCollapsedScopes(kind == PictureKind.LAYERS).withTitle(title(kind))).picture()));
    }
  }

  /**
   * Returns the explorer of the network: every view in one page, the simplified view the one
   * {@code formulas} prints, numbers written as it writes them (1/m, λ).
   */
  public GraphExplorer explorer() {
    GraphExplorer e = GraphExplorer.of(network.loss()).gradients(gradients)
        .feeds(network.feeds()).simplified(simplified.rewritten())
        .title(network.name() + ": forward and backward pass");
    for (Map.Entry<String, Double> s : simplified.symbols().entrySet()) {
      e = e.symbol(s.getKey(), s.getValue());
    }
    return e;
  }

  /** Returns the export of the graph as built: the gradients, the loss, or both, as targets. */
  private GraphExport raw(PictureKind kind) {
    List<Node> targets = new ArrayList<>();
    if (kind != PictureKind.FORWARD && kind != PictureKind.LAYERS) {
      targets.addAll(gradients.list());
    }
    if (kind != PictureKind.BACKWARD) {
      targets.add(network.loss());
    }
    return GraphExport.of(targets).gradients(gradients).feeds(network.feeds());
  }

  /** Returns the export of the simplified pass: its parameter gradients and what they need. */
  private GraphExport simplifiedExport() {
    RewrittenGradients r = simplified.rewritten();
    return GraphExport.of(r.gradients()).loss(r.loss()).feeds(r.feeds(network.feeds()));
  }

  private String title(PictureKind kind) {
    String name = network.name();
    switch (kind) {
      case FORWARD:
        return name + ": forward pass, loss " + network.loss().name();
      case BACKWARD:
        return name + ": backward pass, gradients of " + network.loss().name();
      case BOTH:
        return name + ": forward and backward pass";
      case SIMPLIFIED:
        return name + ": backward pass after simplification, gradients of "
            + network.loss().name() + (simplified.batchSize() > 1 ? " (dZ, dA per sample; "
            + "the 1/m of the mean in dW, db)" : "");
      case BEFORE_AFTER:
        return name + ": backward pass before and after simplification";
      default:
        return name + ": layers";
    }
  }
}
