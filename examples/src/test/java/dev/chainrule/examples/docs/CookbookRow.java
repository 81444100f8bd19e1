package dev.chainrule.examples.docs;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One row of a table of docs/matrix-calculus.md: a function, the code that writes it, the
 * reference's result, the form chainrule must print (written by hand, so that a change of the
 * printed form fails the test instead of slipping into the page), and how to build the example
 * on random inputs.
 *
 * @param function the function in the reference's notation, e.g. {@code xᵀAx}
 * @param code how it is written with chainrule, e.g. {@code x.T().matmul(A).matmul(x).sum()}
 * @param reference the reference's result with its source, e.g. {@code (A + Aᵀ)x, (81)}
 * @param prints what chainrule prints, e.g. {@code dx = (A + Aᵀ)·x} for a gradient, {@code A + Aᵀ}
 *     for a Hessian
 * @param build builds the example from fresh random inputs
 */
record CookbookRow(String function, String code, String reference, String prints,
    Function<CookbookRow.Inputs, CookbookRow.Example> build) {

  /**
   * What a row checks: the derivative node chainrule prints (after simplification), the text it
   * prints, and two values computed without chainrule's derivatives: the reference's closed form
   * (with {@link Dense}'s loops) and central finite differences.
   *
   * @param derivative the simplified derivative
   * @param printed what the printer writes for it
   * @param closedForm the reference's result, evaluated in plain Java
   * @param finiteDifferences central differences of the function (for a gradient) or of its
   *     gradient (for a Hessian), element by element
   */
  record Example(Node derivative, String printed, double[][] closedForm,
      double[][] finiteDifferences) {}

  /** A matrix the example uses: its node and its value as plain arrays. */
  record Matrix(Node node, double[][] value) {}

  /** The graph of one example and its random inputs, drawn uniformly from [−1, 1). */
  static final class Inputs {
    final Graph graph = new Graph();
    private final Random random;

    Inputs(long seed) {
      random = new Random(seed);
    }

    /** Returns an input of {@code rows × cols} random values. */
    Matrix input(String name, int rows, int cols) {
      double[][] v = draw(rows, cols);
      return new Matrix(graph.input(name, tensor(v)), v);
    }

    /** Returns an input holding {@code values}. */
    Matrix input(String name, double[][] values) {
      return new Matrix(graph.input(name, tensor(values)), values);
    }

    /** Returns a parameter (the variable differentiated for) of random values. */
    Matrix parameter(String name, int rows, int cols) {
      double[][] v = draw(rows, cols);
      return new Matrix(graph.parameter(name, tensor(v)), v);
    }

    private double[][] draw(int rows, int cols) {
      double[][] v = new double[rows][cols];
      for (double[] row : v) {
        for (int j = 0; j < cols; j++) {
          row[j] = 2 * random.nextDouble() - 1;
        }
      }
      return v;
    }
  }

  /** The gradient of {@code f} with respect to {@code wrt} as the standard rewriter prints it. */
  static Example gradient(Node f, Matrix wrt, double[][] closedForm) {
    return gradient(f, wrt, closedForm, Rewriter.standard(), FormulaPrinter.unicode());
  }

  /** The gradient of {@code f} with respect to {@code wrt}, simplified by {@code rewriter}. */
  static Example gradient(Node f, Matrix wrt, double[][] closedForm, Rewriter rewriter,
      FormulaPrinter printer) {
    Node d = rewriter.gradients(f, List.of(wrt.node()), GradientForm.ADJOINTS).gradients().get(0);
    double[][] differences = centralDifferences(f, wrt.node());
    int cols = wrt.node().shape().dim(1);
    double[][] shaped = new double[wrt.node().shape().dim(0)][cols];
    for (int j = 0; j < differences[0].length; j++) {
      shaped[j / cols][j % cols] = differences[0][j];
    }
    return new Example(d, printer.equation(d), closedForm, shaped);
  }

  /**
   * The (n, n) Hessian of {@code f} over the n elements of {@code wrt} as {@link
   * Rewriter#hessian} of the standard rewriter prints it.
   */
  static Example hessian(Node f, Matrix wrt, double[][] closedForm) {
    return hessian(f, wrt, closedForm, Rewriter.standard(), FormulaPrinter.unicode());
  }

  /** The Hessian of {@code f} with respect to {@code wrt}, simplified by {@code rewriter}. */
  static Example hessian(Node f, Matrix wrt, double[][] closedForm, Rewriter rewriter,
      FormulaPrinter printer) {
    Node h = rewriter.hessian(f, wrt.node()).targets().get(0);
    Node raw = Autodiff.grad(f, wrt.node()).get(0);
    return new Example(h, printer.expression(h), closedForm, centralDifferences(raw, wrt.node()));
  }

  /** The step of the central differences. */
  static final double STEP = 1e-5;

  /**
   * Returns the matrix of (y(w + h·eⱼ) − y(w − h·eⱼ)) / 2h: row i for element i of {@code y},
   * column j for element j of the parameter {@code w}, both counted row by row.
   */
  static double[][] centralDifferences(Node y, Node w) {
    Plan forward = Plan.compile(List.of(y));
    double[] held = w.storedValue().buffer();
    double[][] d = new double[y.shape().size()][held.length];
    for (int j = 0; j < held.length; j++) {
      double keep = held[j];
      held[j] = keep + STEP;
      double[] up = forward.run(Feeds.none()).get(y).toArray();
      held[j] = keep - STEP;
      double[] down = forward.run(Feeds.none()).get(y).toArray();
      held[j] = keep;
      for (int i = 0; i < up.length; i++) {
        d[i][j] = (up[i] - down[i]) / (2 * STEP);
      }
    }
    return d;
  }

  /** Returns the tensor holding {@code v}, row by row. */
  static Tensor tensor(double[][] v) {
    double[] flat = new double[v.length * v[0].length];
    for (int i = 0; i < v.length; i++) {
      System.arraycopy(v[i], 0, flat, i * v[0].length, v[0].length);
    }
    return Tensor.of(flat, v.length, v[0].length);
  }
}
