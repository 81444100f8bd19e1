package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.bench.ForwardModeWorkload.Model;
import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * W7: its plans compute what their names say (the JVP against central differences of the loss,
 * the Hessian-vector product forward over reverse against reverse over reverse and against central
 * differences of the gradient), it reports one row per plan with its ratio and verdict, and the
 * report lists the cost ratios with their targets. No timing is asserted.
 */
class ForwardModeWorkloadTest {
  private static final double EPS = 1e-6;

  /**
   * The MLP at batch 4: the loss's tangent is (L(w + εv) − L(w − εv))/2ε, and both HVPs are
   * (∇L(w + εv) − ∇L(w − εv))/2ε, to the differences' accuracy.
   */
  @Test
  void mlpTangentsMatchCentralDifferences() {
    ForwardModeWorkload w = ForwardModeWorkload.of(ForwardModeWorkload.mlp(4,
        ExecOptions.defaults()), ExecOptions.defaults());
    Results jvp = w.plan("jvp").run(w.model().feeds());
    double tangent = jvp.scalar(w.jvp());
    List<Tensor> hvp = copies(w.plan("hvp").run(w.model().feeds()), w.hvp());
    List<Tensor> reverse = copies(w.plan("hvp-rr").run(w.model().feeds()), w.hvpReverse());
    Plan grad = w.plan("grad");
    Node loss = w.model().loss();
    move(w, EPS);
    Results up = grad.run(w.model().feeds());
    double lossUp = up.scalar(loss);
    List<Tensor> gradUp = copies(up, w.gradient());
    move(w, -2 * EPS);
    Results down = grad.run(w.model().feeds());
    double lossDown = down.scalar(loss);
    List<Tensor> gradDown = copies(down, w.gradient());
    move(w, EPS);
    assertEquals((lossUp - lossDown) / (2 * EPS), tangent, 1e-6 * Math.abs(tangent));
    for (int i = 0; i < hvp.size(); i++) {
      double[] a = hvp.get(i).buffer();
      double[] b = reverse.get(i).buffer();
      double[] up1 = gradUp.get(i).buffer();
      double[] down1 = gradDown.get(i).buffer();
      for (int k = 0; k < a.length; k++) {
        double difference = (up1[k] - down1[k]) / (2 * EPS);
        assertEquals(difference, a[k], 1e-6 + 1e-5 * Math.abs(difference), "Hv[" + i + "][" + k
            + "] forward over reverse");
        assertEquals(a[k], b[k], 1e-10 + 1e-10 * Math.abs(a[k]), "Hv[" + i + "][" + k
            + "] reverse over reverse");
      }
    }
  }

  /**
   * W6's CNN at batch 2 (convolutions, batch norm, max pooling): the loss's tangent against central
   * differences, and the two Hessian-vector products, derived by different passes, agree.
   */
  @Test
  void cnnHessianVectorProductsAgreeBothWays() {
    ForwardModeWorkload w = ForwardModeWorkload.of(ForwardModeWorkload.cnn(2),
        ExecOptions.defaults());
    Node loss = w.model().loss();
    double tangent = w.plan("jvp").run(w.model().feeds()).scalar(w.jvp());
    move(w, EPS);
    double up = w.plan("forward").run(w.model().feeds()).scalar(loss);
    move(w, -2 * EPS);
    double down = w.plan("forward").run(w.model().feeds()).scalar(loss);
    move(w, EPS);
    assertEquals((up - down) / (2 * EPS), tangent, 1e-5 * Math.abs(tangent));
    List<Tensor> hvp = copies(w.plan("hvp").run(w.model().feeds()), w.hvp());
    List<Tensor> reverse = copies(w.plan("hvp-rr").run(w.model().feeds()), w.hvpReverse());
    for (int i = 0; i < hvp.size(); i++) {
      double[] a = hvp.get(i).buffer();
      double[] b = reverse.get(i).buffer();
      for (int k = 0; k < a.length; k++) {
        assertEquals(a[k], b[k], 1e-9 + 1e-9 * Math.abs(a[k]), "Hv[" + i + "][" + k + "]");
      }
    }
  }

  /**
   * One row per plan, named w7-&lt;model&gt;-&lt;plan&gt;, in µs per run; with one repetition the
   * ratio is the two rows' times divided (by the wall clock and, at one thread, by CPU time), and
   * the verdict says whether it is within the target.
   */
  @Test
  void measureReportsEveryPlanWithItsRatioAndVerdict() {
    Model m = ForwardModeWorkload.mlp(4, ExecOptions.defaults());
    List<BenchRow> rows = ForwardModeWorkload.of(m, ExecOptions.defaults())
        .measure(1, 1, 0, 1_000_000);
    List<String> names = new ArrayList<>();
    for (BenchRow r : rows) {
      names.add(r.workload());
      assertEquals("us/run", r.unit());
      assertTrue(r.value() > 0, r.toString());
    }
    assertEquals(List.of("w7-mlp4-forward", "w7-mlp4-jvp", "w7-mlp4-grad", "w7-mlp4-hvp",
        "w7-mlp4-hvp-rr"), names);
    assertEquals(null, rows.get(0).details().get("ratio"));
    check(rows.get(1), rows.get(0), 3.0);
    check(rows.get(2), rows.get(0), Double.NaN);
    check(rows.get(3), rows.get(2), 5.0);
    check(rows.get(4), rows.get(2), 5.0);
  }

  private static void check(BenchRow row, BenchRow base, double target) {
    Map<String, Object> d = row.details();
    double ratio = (Double) d.get("ratio");
    assertEquals(row.value() / base.value(), ratio, 1e-9 * ratio, row.workload());
    double cpu = (Double) d.get("cpu_ratio");
    double cpuOver = (Double) d.get("cpu_us") / (Double) base.details().get("cpu_us");
    assertEquals(cpuOver, cpu, 1e-9 * cpu, row.workload() + " in CPU time");
    assertEquals(base.workload().substring(base.workload().lastIndexOf('-') + 1), d.get("over"));
    if (Double.isNaN(target)) {
      assertTrue(!d.containsKey("target") && !d.containsKey("met"), d.toString());
    } else {
      assertEquals(target, d.get("target"));
      assertEquals(ratio <= target, d.get("met"));
    }
  }

  /** The report lists W7 apart, with each target and verdict, and torch's ratio beside ours. */
  @Test
  void theReportListsCostRatiosWithTargetsAndVerdicts() {
    List<BenchRow> ours = List.of(
        new BenchRow("w7-mlp64-forward", 2, 400, "us/run", Map.of()),
        new BenchRow("w7-mlp64-jvp", 2, 800, "us/run",
            Map.of("over", "forward", "ratio", 2.0, "cpu_ratio", 1.9, "target", 3.0, "met", true)),
        new BenchRow("w7-mlp64-hvp", 2, 9000, "us/run",
            Map.of("over", "grad", "ratio", 6.0, "target", 5.0, "met", false)));
    Outcome torch = new Outcome("torch", "1.13", List.of(new BenchRow("w7-mlp64-jvp", 2, 900,
        "us/run", Map.of("over", "forward", "ratio", 2.5))), null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(ours, List.of(torch), Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("forward mode (w7)"), text);
    assertTrue(text.matches("(?s).*w7-mlp64-jvp +2 +800\\.0 +2\\.00× forward +1\\.90× +≤ 3× met "
        + "+2\\.50×.*"), text);
    assertTrue(text.matches("(?s).*w7-mlp64-hvp +2 +9000\\.0 +6\\.00× grad +≤ 5× MISSED.*"), text);
    assertTrue(!text.contains("vs numpy"), "with W7 alone there is no main table: " + text);
    List<?> json = (List<?>) BenchReport.json(ours, List.of(torch), Map.of()).get("cost_ratios");
    assertEquals(2, json.size());
    Map<?, ?> jvp = (Map<?, ?>) json.get(0);
    assertEquals(2.0, jvp.get("ratio"));
    assertEquals(1.9, jvp.get("cpu_ratio"));
    assertEquals(true, jvp.get("met"));
    assertEquals(2.5, jvp.get("torch_ratio"));
    assertEquals(false, ((Map<?, ?>) json.get(1)).get("met"));
  }

  /** NumPy has no forward mode: W7 is compared with torch alone. */
  @Test
  void forwardModeIsReferencedByTorchAlone() {
    assertEquals(List.of("torch"), Workloads.references("w7"));
    assertEquals(List.of("numpy", "torch"), Workloads.references("w2"));
    assertEquals(List.of(), Workloads.references("scaling"));
  }

  /** Adds {@code step} times each parameter's tangent to the parameter, in place. */
  private static void move(ForwardModeWorkload w, double step) {
    List<Node> params = w.model().parameters();
    for (int i = 0; i < params.size(); i++) {
      double[] p = params.get(i).storedValue().buffer();
      double[] v = w.tangents().get(i).storedValue().buffer();
      for (int k = 0; k < p.length; k++) {
        p[k] += step * v[k];
      }
    }
  }

  private static List<Tensor> copies(Results r, List<Node> nodes) {
    List<Tensor> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(r.get(n).copy());
    }
    return out;
  }
}
