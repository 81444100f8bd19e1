package dev.chainrule.examples.graph;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pictures of one seed network: its forward graph, its gradient graph (reverse mode with
 * respect to its parameters), both overlaid, and one box per layer. The network is built and
 * differentiated once, so every view numbers nodes alike and the DOT text is the same on every
 * run: docs/images/ is checked against it.
 */
public final class SeedPictures {
  /** The views a picture can show, as the command line names them. */
  public enum Kind {
    /** The forward graph. */
    FORWARD,
    /** The gradient graph and the forward values it reuses. */
    BACKWARD,
    /** Forward and gradient graph together. */
    BOTH,
    /** One box per layer (top-level name scope). */
    LAYERS;

    /** Returns the word used on the command line and in file names. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final SeedNetwork network;
  private final Gradients gradients;

  private SeedPictures(SeedNetwork network) {
    this.network = network;
    this.gradients = Autodiff.gradients(network.loss(), network.parameters());
  }

  /** Builds the named catalogue network and its gradients. */
  public static SeedPictures of(String example) {
    return new SeedPictures(SeedCatalog.build(example));
  }

  /** Returns the example's name. */
  public String name() {
    return network.name();
  }

  /** Returns the file name of a picture, without extension, e.g. {@code mazur-both}. */
  public String fileName(Kind kind) {
    return network.name() + "-" + kind.word();
  }

  /**
   * Returns the DOT text of one view; {@code base} supplies direction, values, legend and literal
   * settings, and the view, scope collapsing and title are set here.
   */
  public String dot(Kind kind, ExportOptions base) {
    Node loss = network.loss();
    List<Node> targets = new ArrayList<>();
    if (kind != Kind.FORWARD && kind != Kind.LAYERS) {
      targets.addAll(gradients.list());
    }
    if (kind != Kind.BACKWARD) {
      targets.add(loss);
    }
    View view = kind == Kind.BACKWARD ? View.BACKWARD
        : kind == Kind.BOTH ? View.BOTH : View.FORWARD;
    ExportOptions options = base.withView(view).withCollapsedScopes(kind == Kind.LAYERS)
        .withTitle(title(kind));
    return GraphExport.of(targets).gradients(gradients).feeds(network.feeds()).options(options)
        .toDot();
  }

  private String title(Kind kind) {
    switch (kind) {
      case FORWARD:
        return network.name() + ": forward pass, loss " + network.loss().name();
      case BACKWARD:
        return network.name() + ": backward pass, gradients of " + network.loss().name();
      case BOTH:
        return network.name() + ": forward and backward pass";
      default:
        return network.name() + ": layers";
    }
  }
}
