package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.layers.Cell;
import java.util.List;
import java.util.Random;

/**
 * One step of an LSTM in the column layout, built with nn's own cell ({@link Cell#LSTM}), for the
 * hand derivation of docs/lstm-step.md: from X (F, m), h0 and c0 (H, m), the pre-activations
 * a = W_ih·X + b_ih + W_hh·h0 + b_hh (4H, m) cut into the gates i, f, g, o (PyTorch's order), then
 * c = f∘c0 + i∘g and h = o∘tanh(c), and the cost J = ½·Σ (h − Y)². The previous state h0, c0 is
 * random (not zero), so that every term of the backward pass counts.
 */
public final class LstmStepNetwork {
  /** The random seed of the {@code lstm-step} comparison's data and weights. */
  public static final long DEFAULT_SEED = 14;
  /** Features per step F, hidden units H and samples m of the comparison. */
  public static final int FEATURES = 3;
  /** Hidden units H. */
  public static final int HIDDEN = 3;
  /** Samples m. */
  public static final int SAMPLES = 4;

  private LstmStepNetwork() {}

  /** Returns the step on random data and weights drawn from {@code seed}. */
  public static SeedNetwork seeded(long seed) {
    Random rng = new Random(seed);
    Graph g = new Graph();
    int gates = 4 * HIDDEN;
    Node x = g.input("X", RandomTensors.normal(rng, 1, FEATURES, SAMPLES));
    Node h0 = g.input("h0", RandomTensors.normal(rng, 0.5, HIDDEN, SAMPLES));
    Node c0 = g.input("c0", RandomTensors.normal(rng, 0.5, HIDDEN, SAMPLES));
    Node y = g.input("Y", RandomTensors.normal(rng, 0.5, HIDDEN, SAMPLES));
    Node wih = g.parameter("W_ih", RandomTensors.normal(rng, 0.5, gates, FEATURES));
    Node whh = g.parameter("W_hh", RandomTensors.normal(rng, 0.5, gates, HIDDEN));
    Node bih = g.parameter("b_ih", RandomTensors.normal(rng, 0.5, gates, 1));
    Node bhh = g.parameter("b_hh", RandomTensors.normal(rng, 0.5, gates, 1));
    Cell.State next = Cell.LSTM.step(new Cell.State(h0, c0), wih.matmul(x).add(bih),
        whh.matmul(h0).add(bhh), HIDDEN, 0);
    next.c().named("c");
    Node h = next.h().named("h");
    Node j = h.sub(y).square().sum().mul(0.5).named("J");
    return new SeedNetwork("lstm-step", g, j, List.of(wih, whh, bih, bhh), Feeds.none());
  }
}
