package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One box of a summarised picture standing for many nodes: a collapsed name scope, the backward
 * pass of one, a run of identical steps, or the nodes left out to stay within the budget. Its
 * name is what the summary prints and what {@link ExportOptions#withExpanded} takes.
 */
final class Fold {
  /** What a fold stands for, which decides its look and its legend row. */
  enum Kind {
    /** A name scope (a layer), collapsed. */
    SCOPE("3D box: a name scope (layer), collapsed"),
    /** The gradient nodes of one name scope. */
    BACKWARD_SCOPE("3D box: a name scope (layer), collapsed"),
    /** A run of structurally identical steps. */
    RUN("double box: a run of identical steps, folded (× steps)"),
    /** What the budget left out. */
    REST("dashed box: nodes left out to stay within the budget");

    private final String legend;

    Kind(String legend) {
      this.legend = legend;
    }

    /** Returns the legend row explaining boxes of this kind. */
    String legend() {
      return legend;
    }
  }

  private final Kind kind;
  private final String name;
  private final List<Node> nodes = new ArrayList<>();
  private final RunFinder.Run run;
  private String dotId;

  /** Creates an empty fold; {@code run} is the run a RUN fold stands for, else null. */
  Fold(Kind kind, String name, RunFinder.Run run) {
    this.kind = kind;
    this.name = name;
    this.run = run;
  }

  /** Returns what the fold stands for. */
  Kind kind() {
    return kind;
  }

  /** Returns its name, e.g. {@code layer1}, {@code backward of layer1}, {@code fold 2}. */
  String name() {
    return name;
  }

  /** Returns the nodes it stands for, in creation order. */
  List<Node> nodes() {
    return nodes;
  }

  /** Returns the run a RUN fold stands for, else null. */
  RunFinder.Run run() {
    return run;
  }

  /** Returns the DOT id of its box. */
  String dotId() {
    return dotId;
  }

  /** Sets the DOT id of its box. */
  void dotId(String id) {
    dotId = id;
  }
}
