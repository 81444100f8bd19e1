package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.check.Verdict;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.cli.PictureFiles;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Compares a seed's own hand-derived gradient formulas, as the seed writes them, with reverse mode
 * and finite differences, and says for each whether it agrees, differs (and by which factor) or
 * does not even conform, with a note citing the seed's line. A per-sample formula (∂L⁽ⁱ⁾/∂·,
 * stacked) is read per sample: "AGREES per sample; DIFFERS from the batch gradient by the factor
 * m" when it is exactly m times the gradient of the mean loss. With {@code --graph DIR}
 * it also draws each formula built as a graph next to autograd's gradient.
 */
@Command(name = "compare",
    description = "Check a seed's hand-derived gradients against autograd and finite differences.")
public final class CompareCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "<example>", description = "The example, e.g. mazur.")
  String example;

  @Option(names = "--json", description = "Print one JSON object instead of the reports.")
  boolean json;

  @Option(names = "--graph", paramLabel = "DIR", description = "Also draw each formula built "
      + "as a graph next to autograd's gradient, with values and the verdict, into DIR.")
  Path graph;

  @Option(names = "--format", split = ",", paramLabel = "FORMATS",
      hideParamSyntax = true,
      description = "File formats of the --graph pictures, comma-separated: dot, svg or png "
          + "(default: png).")
  List<String> formats = List.of("png");

  /** Runs every formula of the example and prints the reports. */
  @Override
  public void run() {
    SeedNetwork net = FormulasCommand.build(example);
    if (!SeedFormulas.has(net.name())) {
      throw new UsageException("no hand-derived formulas are registered for example '"
          + net.name() + "'; compare knows " + String.join(", ", SeedFormulas.examples()));
    }
    List<SeedFormula> formulas = SeedFormulas.of(net);
    NetworkNodes nodes = new NetworkNodes(net);
    List<FormulaComparison> reports = new ArrayList<>();
    for (SeedFormula f : formulas) {
      FormulaComparison c = ManualFormulaCheck.compare(net.loss(), nodes.get(f.wrt()),
          f.formula(), net.feeds());
      reports.add(f.samples() > 1 ? c.perSample(f.samples()) : c);
    }
    PictureFiles files = graph == null ? null : PictureFiles.of(formats, "auto", 2, graph);
    if (json) {
      Map<String, Object> m = asJson(net, formulas, reports);
      if (files != null) {
        Drawn d = draw(net, formulas, reports, files);
        Map<String, Object> pictures = new LinkedHashMap<>();
        pictures.put("files", d.files().stream().map(r -> PictureFiles.entry(r, null)).toList());
        pictures.put("skipped", d.skipped());
        m.put("pictures", pictures);
      }
      Json.print(m, System.out);
      return;
    }
    System.out.println("Example '" + net.name() + "': the seed's formulas against reverse mode "
        + "and central finite differences\n");
    for (int i = 0; i < reports.size(); i++) {
      System.out.print(reports.get(i).text());
      if (!formulas.get(i).note().isEmpty()) {
        System.out.printf("  %-20s %s%n", "note:", formulas.get(i).note());
      }
      System.out.println();
    }
    System.out.println(summary(reports));
    if (files != null) {
      Drawn d = draw(net, formulas, reports, files);
      d.skipped().forEach(n -> System.out.println("skipped " + n));
      d.files().forEach(r -> (r.rendered() ? System.out : System.err).println(r.message()));
    }
  }

  /** The pictures {@code --graph} wrote, and the notes of those it skipped. */
  private record Drawn(List<RenderResult> files, List<String> skipped) {}

  private static Drawn draw(SeedNetwork net, List<SeedFormula> formulas,
      List<FormulaComparison> reports, PictureFiles files) {
    ExportOptions options = ExportOptions.defaults().withValues(ValueDisplay.VALUES);
    Drawn d = new Drawn(new ArrayList<>(), new ArrayList<>());
    for (Picture p : ComparisonPictures.of(net, formulas, reports, options)) {
      if (p.isSkipped()) {
        d.skipped().add(p.note());
      }
      d.files().addAll(files.write(p));
    }
    return d;
  }

  private static String summary(List<FormulaComparison> reports) {
    Map<Verdict, Integer> count = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      count.put(v, 0);
    }
    reports.forEach(r -> count.merge(r.verdict(), 1, Integer::sum));
    return reports.size() + " formulas: " + String.join(", ", count.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).toList());
  }

  private static Map<String, Object> asJson(SeedNetwork net, List<SeedFormula> formulas,
      List<FormulaComparison> reports) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("example", net.name());
    m.put("loss", net.loss().name());
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Map<String, Object> r = new LinkedHashMap<>(reports.get(i).toMap());
      r.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
      r.put("note", formulas.get(i).note().isEmpty() ? null : formulas.get(i).note());
      list.add(r);
    }
    m.put("comparisons", list);
    m.put("summary", summary(reports));
    return m;
  }
}
