package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;

/**
 * One step of a recurrent network, h_t from x_t and the previous state, written with graph
 * operations so that back-propagation through time is reverse mode through the unrolled graph.
 * The gates are stacked in PyTorch's order in W_ih (G·H inputs' weights), W_hh (G·H recurrent
 * weights) and the two biases b_ih and b_hh, so that PyTorch's weights can be copied over.
 */
public enum Cell {
  /** The Elman network: h' = tanh(W_ih·x + b_ih + W_hh·h + b_hh), PyTorch's {@code nn.RNN}. */
  RNN(1),
  /**
   * Long short-term memory, PyTorch's {@code nn.LSTM}, gates in the order i, f, g, o: i = σ(·),
   * f = σ(·), g = tanh(·), o = σ(·) of W_ih·x + b_ih + W_hh·h + b_hh; c' = f∘c + i∘g,
   * h' = o∘tanh(c').
   */
  LSTM(4),
  /**
   * The gated recurrent unit, PyTorch's {@code nn.GRU}, gates in the order r, z, n: r = σ(·),
   * z = σ(·) of the sums, n = tanh(W_in·x + b_in + r∘(W_hn·h + b_hn)), h' = (1 − z)∘n + z∘h.
   */
  GRU(3);

  private final int gates;

  Cell(int gates) {
    this.gates = gates;
  }

  /** Returns G, the number of gates stacked in the weights. */
  public int gates() {
    return gates;
  }

  /** Returns the lower-case name used in node names and reports: rnn, lstm or gru. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The state carried from one step to the next: h, and c for an LSTM (null otherwise).
   *
   * @param h the hidden state, the step's output
   * @param c the LSTM's cell state, or null
   */
  public record State(Node h, Node c) {}

  /**
   * Returns the state after one step from {@code previous}, given {@code inputPart} = W_ih·x + b_ih
   * and {@code hiddenPart} = W_hh·h + b_hh, both of G·{@code hidden} features along {@code
   * featureAxis} (0 in the column layout, 1 in the row layout). {@link Recurrent} calls it once per
   * step; call it to write a loop of your own.
   */
  public State step(State previous, Node inputPart, Node hiddenPart, int hidden, int featureAxis) {
    switch (this) {
      case RNN:
        return new State(inputPart.add(hiddenPart).tanh(), null);
      case LSTM: {
        var pre = inputPart.add(hiddenPart).split(featureAxis, hidden, hidden, hidden, hidden);
        Node i = pre.get(0).sigmoid();
        Node f = pre.get(1).sigmoid();
        Node g = pre.get(2).tanh();
        Node o = pre.get(3).sigmoid();
        Node c = f.mul(previous.c()).add(i.mul(g));
        return new State(o.mul(c.tanh()), c);
      }
      default: {
        var xs = inputPart.split(featureAxis, hidden, hidden, hidden);
        var hs = hiddenPart.split(featureAxis, hidden, hidden, hidden);
        Node r = xs.get(0).add(hs.get(0)).sigmoid();
        Node z = xs.get(1).add(hs.get(1)).sigmoid();
        Node n = xs.get(2).add(r.mul(hs.get(2))).tanh();
        return new State(n.add(z.mul(previous.h().sub(n))), null);
      }
    }
  }
}
