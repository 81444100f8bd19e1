package dev.chainrule.core.export;

import static dev.chainrule.core.export.DotAssertions.captioned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Two pictures in one: reverse mode as built and its rewrite, each in its own box. */
class SideBySideTest {
  private static final Pattern NODE = Pattern.compile("^\\s*([a-z]*)n\\d+ \\[label=",
      Pattern.MULTILINE);

  private final TwoLayerNet net = new TwoLayerNet();
  private final ExportOptions backward = ExportOptions.defaults().withView(View.BACKWARD);

  private String beforeAfter() {
    RewrittenGradients r = Rewriter.standard().gradients(net.loss, List.of(net.w1, net.b1,
        net.w2, net.b2), GradientForm.PER_SAMPLE);
    return SideBySide.titled("before and after")
        .panel("reverse mode as built", GraphExport.of(net.grads.list()).gradients(net.grads)
            .options(backward.withTitle("ignored")))
        .panel("after simplification", GraphExport.of(r.gradients()).loss(r.loss())
            .options(backward))
        .toDot();
  }

  @Test
  void eachPanelIsACaptionedClusterWithItsOwnIds() {
    String dot = beforeAfter();
    String before = captioned(dot, "reverse&#160;mode&#160;as&#160;built");
    String after = captioned(dot, "after&#160;simplification");
    assertTrue(before.startsWith("{") && dot.contains("subgraph cluster_a {"), dot);
    assertTrue(dot.contains("subgraph cluster_b {"), dot);
    assertEquals(List.of("a"), prefixes(before), "every node of the first panel is a…");
    assertEquals(List.of("b"), prefixes(after), "every node of the second panel is b…");
    assertTrue(before.contains("label=\"backward pass\"") && after.contains("label=\"backward "
        + "pass\""), "each panel keeps its backward-pass cluster");
    assertTrue(before.contains("cluster_a1") && after.contains("cluster_b1"), "inner clusters "
        + "are numbered per panel");
  }

  @Test
  void oneLegendAndOneTitleForTheWholePicture() {
    String dot = beforeAfter();
    assertEquals(1, count(dot, "subgraph cluster_legend"));
    assertEquals(1, count(dot, "labelloc=t"));
    assertTrue(dot.contains("<b>before and after</b>"), "the picture's title");
    assertTrue(!dot.contains("ignored"), "a panel's own title is not drawn");
  }

  @Test
  void theSimplifiedPanelHasFewerNodes() {
    String dot = beforeAfter();
    int before = count(captioned(dot, "reverse&#160;mode&#160;as&#160;built"), "[label=");
    int after = count(captioned(dot, "after&#160;simplification"), "[label=");
    assertTrue(after < before, "after " + after + " < before " + before);
  }

  @Test
  void aNotePanelHoldsItsText() {
    String dot = SideBySide.titled(null)
        .panel("autograd", GraphExport.of(net.grad(2)).options(backward.withValues(
            ValueDisplay.NONE)))
        .note("by hand", "the products do not conform: (2, 3) · (2, 3)").toDot();
    assertTrue(captioned(dot, "by&#160;hand").contains("bnote [shape=plaintext, label=<the "
        + "products do not conform: (2, 3) · (2, 3)>]"), dot);
  }

  @Test
  void aPictureNeedsAPanel() {
    assertThrows(IllegalArgumentException.class, () -> SideBySide.titled("empty").toDot());
    assertThrows(IllegalArgumentException.class, () -> SideBySide.titled("x").panel("p", null));
  }

  private static List<String> prefixes(String dot) {
    Matcher m = NODE.matcher(dot);
    java.util.Set<String> found = new java.util.TreeSet<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return List.copyOf(found);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
