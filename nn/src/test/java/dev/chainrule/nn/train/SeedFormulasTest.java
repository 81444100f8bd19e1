package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import org.junit.jupiter.api.Test;

/**
 * One trainer step against the seeds' hand-derived formulas, written here as plain loops over
 * arrays (a second implementation that shares nothing with the graph code).
 */
class SeedFormulasTest {
  private static final double ETA = 0.3;
  private static final double[][] X = {{0.5, -1.2, 0.3}, {2.0, 0.1, -0.7}, {-0.4, 0.8, 1.5},
      {1.1, -0.3, 0.2}, {-1.7, 0.6, -0.9}};
  private static final int[] Y = {1, 0, 0, 1, 1};

  private static Batch fullBatch(Dataset d) {
    return Batches.of(d, d.size()).epoch(0).iterator().next();
  }

  /**
   * Seed 004, column layout, 3-4-1, tanh then sigmoid, mean BCE: dZ2 = A2 − Y, dW2 =
   * (1/m)dZ2·A1ᵀ, db2 = (1/m)ΣdZ2, dZ1 = W2ᵀdZ2 ∘ (1 − A1²), dW1 = (1/m)dZ1·Xᵀ, db1 = (1/m)ΣdZ1.
   */
  @Test
  void seed004ColumnLayoutStep() {
    Sequential net = Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).weights(Initializers.normal(0.5))
        .biases(Initializers.normal(0.1)).seed(11).build();
    double[][] w1 = net.layers().get(0).weights().toMatrix();
    double[] b1 = net.layers().get(0).biases().toArray();
    double[] w2 = net.layers().get(1).weights().toArray();
    double b2 = net.layers().get(1).biases().item();
    int m = X.length;
    double[][] a1 = new double[4][m];
    double[] dz2 = new double[m];
    for (int s = 0; s < m; s++) {
      double z2 = b2;
      for (int i = 0; i < 4; i++) {
        double z = b1[i];
        for (int k = 0; k < 3; k++) {
          z += w1[i][k] * X[s][k];
        }
        a1[i][s] = Math.tanh(z);
        z2 += w2[i] * a1[i][s];
      }
      dz2[s] = 1 / (1 + Math.exp(-z2)) - Y[s];
    }
    double[] dw2 = new double[4];
    double db2 = 0;
    double[][] dw1 = new double[4][3];
    double[] db1 = new double[4];
    for (int s = 0; s < m; s++) {
      db2 += dz2[s] / m;
      for (int i = 0; i < 4; i++) {
        dw2[i] += dz2[s] * a1[i][s] / m;
        double dz1 = w2[i] * dz2[s] * (1 - a1[i][s] * a1[i][s]);
        db1[i] += dz1 / m;
        for (int k = 0; k < 3; k++) {
          dw1[i][k] += dz1 * X[s][k] / m;
        }
      }
    }
    Dataset data = Dataset.binary("five", Tensor.matrix(X), Y);
    new Trainer(net, Loss.binaryCrossEntropy(), new Sgd(ETA)).step(fullBatch(data), ETA);
    for (int i = 0; i < 4; i++) {
      assertEquals(w2[i] - ETA * dw2[i], net.layers().get(1).weights().get(0, i), 1e-15);
      assertEquals(b1[i] - ETA * db1[i], net.layers().get(0).biases().get(i, 0), 1e-15);
      for (int k = 0; k < 3; k++) {
        assertEquals(w1[i][k] - ETA * dw1[i][k], net.layers().get(0).weights().get(i, k), 1e-15);
      }
    }
    assertEquals(b2 - ETA * db2, net.layers().get(1).biases().item(), 1e-15);
  }

  /**
   * Seed 002, row layout, 3-4-2, ReLU then softmax, CE + ½λ‖W‖² over the weights: δ2 = (P −
   * 1(y)), ∇W2 = (1/m)·a1ᵀδ2 + λW2, ∇b2 = (1/m)Σᵢδ2ᵢ, δ1 = δ2·W2ᵀ ∘ 1(z1 &gt; 0), ∇W1 =
   * (1/m)·Xᵀδ1 + λW1, ∇b1 = (1/m)Σᵢδ1ᵢ.
   */
  @Test
  void seed002RowLayoutStepWithWeightPenalty() {
    double lambda = 0.05;
    Sequential net = Sequential.builder(Layout.ROW, 3).dense(4, Activation.relu())
        .dense(2, Activation.softmax()).weights(Initializers.normal(0.7))
        .biases(Initializers.normal(0.1)).seed(12).build();
    double[][] w1 = net.layers().get(0).weights().toMatrix();
    double[] b1 = net.layers().get(0).biases().toArray();
    double[][] w2 = net.layers().get(1).weights().toMatrix();
    double[] b2 = net.layers().get(1).biases().toArray();
    int m = X.length;
    double[][] gw1 = new double[3][4];
    double[] gb1 = new double[4];
    double[][] gw2 = new double[4][2];
    double[] gb2 = new double[2];
    for (int s = 0; s < m; s++) {
      double[] z1 = new double[4];
      double[] a1 = new double[4];
      for (int j = 0; j < 4; j++) {
        z1[j] = b1[j];
        for (int k = 0; k < 3; k++) {
          z1[j] += X[s][k] * w1[k][j];
        }
        a1[j] = Math.max(0, z1[j]);
      }
      double[] z2 = {b2[0], b2[1]};
      for (int c = 0; c < 2; c++) {
        for (int j = 0; j < 4; j++) {
          z2[c] += a1[j] * w2[j][c];
        }
      }
      double e0 = Math.exp(z2[0]);
      double e1 = Math.exp(z2[1]);
      double[] d2 = {e0 / (e0 + e1) - (Y[s] == 0 ? 1 : 0), e1 / (e0 + e1) - (Y[s] == 1 ? 1 : 0)};
      for (int c = 0; c < 2; c++) {
        gb2[c] += d2[c] / m;
        for (int j = 0; j < 4; j++) {
          gw2[j][c] += a1[j] * d2[c] / m;
        }
      }
      for (int j = 0; j < 4; j++) {
        double d1 = (d2[0] * w2[j][0] + d2[1] * w2[j][1]) * (z1[j] > 0 ? 1 : 0);
        gb1[j] += d1 / m;
        for (int k = 0; k < 3; k++) {
          gw1[k][j] += X[s][k] * d1 / m;
        }
      }
    }
    Dataset data = Dataset.classification("five", Tensor.matrix(X), Y, 2);
    Loss loss = Loss.softmaxCrossEntropy().plusL2(lambda, name -> name.startsWith("W"));
    new Trainer(net, loss, new Sgd(ETA)).step(fullBatch(data), ETA);
    for (int j = 0; j < 4; j++) {
      assertEquals(b1[j] - ETA * gb1[j], net.layers().get(0).biases().get(0, j), 1e-15);
      for (int k = 0; k < 3; k++) {
        assertEquals(w1[k][j] - ETA * (gw1[k][j] + lambda * w1[k][j]),
            net.layers().get(0).weights().get(k, j), 1e-15);
      }
      for (int c = 0; c < 2; c++) {
        assertEquals(w2[j][c] - ETA * (gw2[j][c] + lambda * w2[j][c]),
            net.layers().get(1).weights().get(j, c), 1e-15);
      }
    }
    for (int c = 0; c < 2; c++) {
      assertEquals(b2[c] - ETA * gb2[c], net.layers().get(1).biases().get(0, c), 1e-15);
    }
  }
}
