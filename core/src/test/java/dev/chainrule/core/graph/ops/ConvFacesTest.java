package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import org.junit.jupiter.api.Test;

/**
 * The faces of one convolution the three convolution ops build for each other's derivatives:
 * each takes the shape of the node it is the gradient of, also where a stride maps two input
 * sizes to one output size (5 and 6 both give 2 with a 3×3 kernel at stride 2).
 */
class ConvFacesTest {
  @Test
  void eachFaceHasTheShapeOfWhatItIsTheGradientOf() {
    Window2d stride2 = Window2d.of(2, 0, 1);
    Graph g = new Graph();
    Node w = g.input("W", 4, 1, 3, 3);
    for (int side : new int[] {5, 6}) {
      Node x = g.input("X" + side, 1, 2, side, side);
      Node z = ConvFaces.convolution(stride2, 2, w, x);
      assertEquals(Shape.of(1, 4, 2, 2), z.shape());
      assertEquals(new Conv2d(stride2, 2), z.op());
      Node dx = ConvFaces.inputGradient(stride2, 2, w, z, x);
      assertEquals(x.shape(), dx.shape());
      assertEquals(new Conv2dTranspose(stride2, 2, side, side), dx.op());
      Node dw = ConvFaces.kernelGradient(stride2, 2, x, z, w);
      assertEquals(w.shape(), dw.shape());
      assertEquals(new Conv2dKernelGradient(stride2, 2, 3, 3), dw.op());
    }
  }
}
