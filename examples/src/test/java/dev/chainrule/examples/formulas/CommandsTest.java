package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formulas, compare and trace subcommands run on seed 001 as a user runs them. */
class CommandsTest {
  @Test
  void traceMazurWritesTheSeedsWalkthrough() {
    CliRun r = CliRun.of("trace", "mazur");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · "
        + "∂net_o1/∂w5 = 0.74136507 × 0.186815602 × 0.593269992 = 0.082167041"), r.out());
    assertTrue(r.out().contains("∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = "
        + "0.055399425 + -0.019049118 = 0.036350306"), r.out());
    assertTrue(r.out().contains("0.036350306 × 0.241300709 × 0.05 = 0.000438568"), r.out());
    assertTrue(r.out().contains("Seed 001 (line 229) prints ∂E_o2/∂out_h1 = -0.019049119: its "
        + "rounded ∂E_o2/∂net_o2 = -0.038098237 times ∂net_o2/∂out_h1 = w7 = 0.5 is "
        + "-0.0190491185, which rounds to -0.019049119. That is rounding an already rounded "
        + "number, not a slip"), r.out());
  }

  @Test
  void formulasMazurPrintsTheDeltas() {
    CliRun r = CliRun.of("formulas", "mazur");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  dout_o1 = −(target_o1 − out_o1)\n"
        + "  dnet_o1 = dout_o1·out_o1·(1 − out_o1)\n  dw5 = dnet_o1·out_h1\n"), r.out());
    CliRun latex = CliRun.of("formulas", "mazur", "--latex");
    assertTrue(latex.out().contains("dw_{5} &= dnet_{o1} \\cdot out_{h1}"), latex.out());
  }

  @Test
  void compareMazurJsonIsOneObject() {
    CliRun r = CliRun.of("compare", "mazur", "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("mazur", o.get("example").getAsString());
    assertEquals(11, o.getAsJsonArray("comparisons").size());
    assertEquals("11 formulas: 10 AGREES, 1 DIFFERS, 0 SHAPE_MISMATCH",
        o.get("summary").getAsString());
  }

  /**
   * The catalogue's bp4 is a batch of m = 7, so the batch table's slips show (seed 000:353 and
   * 000:351: FD/seed = 7 = m): db as written and dZ = ∇_A C ⊙ σ′ fed into dw are 1/7 of autograd,
   * and their corrected forms agree.
   */
  @Test
  void compareBp4ShowsTheBatchTablesFactorsOfM() {
    CliRun r = CliRun.of("compare", "bp4", "--json");
    assertEquals(0, r.status(), r.err());
    JsonArray c = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("comparisons");
    for (int i : new int[] {7, 10}) {
      JsonObject slip = c.get(i).getAsJsonObject();
      assertEquals("DIFFERS", slip.get("verdict").getAsString(), slip.toString());
      assertEquals(1.0 / 7, slip.get("constantFactor").getAsDouble(), 1e-9);
      JsonObject corrected = c.get(i + 1).getAsJsonObject();
      assertTrue(corrected.get("formula").getAsString().startsWith("corrected: "),
          corrected.toString());
      assertEquals("AGREES", corrected.get("verdict").getAsString(), corrected.toString());
    }
  }

  @Test
  void compareGraphDrawsEachFormulaAndJsonListsThePictures(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.of("compare", "shallow", "--graph", dir.toString(), "--format", "dot",
        "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(8, o.getAsJsonObject("pictures").getAsJsonArray("files").size());
    assertTrue(o.getAsJsonArray("comparisons").get(3).getAsJsonObject().get("maxAbsError")
        .isJsonNull(), "a shape mismatch has no error: null, not NaN");
    String dot = Files.readString(dir.resolve("shallow-manual-01-A2.dot"));
    assertTrue(dot.contains("DIFFERS ×8"), "seed 004:166: dA[2] per sample, m = 8");
    CliRun text = CliRun.of("compare", "bp4", "--graph", dir.toString(), "--format", "dot");
    assertTrue(text.out().contains("skipped bp4: its 12 formulas are computed on tensors"),
        text.out());
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    CliRun unknown = CliRun.of("formulas", "nonesuch");
    assertEquals(Cli.BAD_INPUT, unknown.status());
    assertTrue(unknown.err().startsWith("error: unknown example 'nonesuch'; known examples: "),
        unknown.err());
    assertEquals(1, unknown.err().lines().count());
    CliRun parameter = CliRun.of("trace", "mazur", "--wrt", "w9");
    assertEquals(Cli.BAD_INPUT, parameter.status());
    assertTrue(parameter.err().contains("no parameter named 'w9'"), parameter.err());
  }
}
