package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;

/**
 * Turns a {@link Batch} into the feeds of a {@link TrainingGraph}: the features in the model's
 * layout and, when the graph has a loss, the targets, or the class indices written into one reused
 * tensor for a loss that takes them.
 */
final class BatchFeeds {
  private final TrainingGraph graph;
  private final Layout layout;
  private final Tensor classIndices;

  BatchFeeds(TrainingGraph graph, Loss loss, Layout layout) {
    this.graph = graph;
    this.layout = layout;
    this.classIndices = loss != null && loss.takesClassIndices()
        ? Tensor.zeros(graph.targets().shape(), graph.targets().dtype()) : null;
  }

  /**
   * Returns the feeds of {@code batch}: features, and targets when the graph has a loss. A batch
   * {@code justFilled} from its data set, which holds only finite numbers, is fed {@link
   * Feeds#withFinite as finite}: the plan does not scan it again; so are class indices, which
   * come from whole numbers. A batch that came from elsewhere is scanned.
   */
  Feeds of(Batch batch, boolean justFilled) {
    Tensor x = layout == Layout.ROW ? batch.features() : batch.featuresColumns();
    Feeds feeds = justFilled ? Feeds.none().withFinite(graph.input(), x)
        : Feeds.of(graph.input(), x);
    if (graph.loss() == null) {
      return feeds;
    }
    Tensor targets = targetsOf(batch);
    return justFilled || classIndices != null ? feeds.withFinite(graph.targets(), targets)
        : feeds.with(graph.targets(), targets);
  }

  private Tensor targetsOf(Batch batch) {
    if (classIndices == null) {
      return layout == Layout.ROW ? batch.targets() : batch.targetsColumns();
    }
    int[] labels = batch.labels();
    if (classIndices.dtype() == DType.FLOAT32) {
      float[] f = classIndices.floatBuffer();
      for (int i = 0; i < labels.length; i++) {
        f[i] = labels[i];
      }
      return classIndices;
    }
    double[] d = classIndices.buffer();
    for (int i = 0; i < labels.length; i++) {
      d[i] = labels[i];
    }
    return classIndices;
  }
}
