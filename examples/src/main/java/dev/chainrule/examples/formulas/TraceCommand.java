package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ChainRuleTrace;
import dev.chainrule.core.graph.Node;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.seeds.MazurNetwork;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes the chain rule step by step, with the number on every edge, for the parameters of a
 * small scalar example: for seed 001 (mazur) it regenerates the seed's walkthrough.
 */
@Command(name = "trace",
    description = "Write the chain rule step by step with numbers (small scalar examples: mazur).")
public final class TraceCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "<example>", description = "The example, e.g. mazur.")
  String example;

  @Option(names = "--wrt", split = ",", paramLabel = "NAMES",
      hideParamSyntax = true,
      description = "The parameters to trace, e.g. w5,w1 (default: all).")
  List<String> wrt;

  /** Traces each requested parameter. */
  @Override
  public void run() {
    SeedNetwork net = FormulasCommand.build(example);
    List<Node> targets = new ArrayList<>();
    if (wrt == null || wrt.isEmpty()) {
      targets.addAll(net.parameters());
    } else {
      for (String name : wrt) {
        targets.add(net.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
            .orElseThrow(() -> new UsageException("example '" + net.name() + "' has no "
                + "parameter named '" + name + "'; its parameters are " + String.join(", ",
                net.parameters().stream().map(Node::name).toList()))));
      }
    }
    for (Node w : targets) {
      ChainRuleTrace trace;
      try {
        trace = ChainRuleTrace.of(net.loss(), w, net.feeds());
      } catch (IllegalArgumentException e) {
        throw new UsageException("example '" + net.name() + "' cannot be traced: " + e.getMessage()
            + "; the trace writes the chain rule number by number for examples of single numbers, "
            + "such as mazur");
      }
      System.out.println(trace.text());
    }
    if (net.name().equals("mazur")) {
      Map<String, Double> w = new MazurNetwork().walkthrough();
      BigDecimal rounded = BigDecimal.valueOf(w.get("∂E_o2/∂net_o2")).setScale(9,
          RoundingMode.HALF_UP);
      BigDecimal product = rounded.multiply(BigDecimal.valueOf(w.get("∂net_o2/∂out_h1")));
      System.out.printf(Locale.ROOT, "Seed 001 (line 229) prints ∂E_o2/∂out_h1 = -0.019049119: "
          + "its rounded ∂E_o2/∂net_o2 = %s times ∂net_o2/∂out_h1 = w7 = 0.5 is %s, which "
          + "rounds to %s. That is rounding an already rounded number, not a slip; unrounded, "
          + "the chain rule gives %.13f. The sum it prints, 0.036350306, is right.%n",
          rounded.toPlainString(), product.toPlainString(), product.setScale(9,
              RoundingMode.HALF_UP).toPlainString(), w.get("∂E_o2/∂out_h1"));
    }
  }
}
