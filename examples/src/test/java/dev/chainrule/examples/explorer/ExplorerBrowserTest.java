package dev.chainrule.examples.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.examples.docs.DocsRegeneration;
import dev.chainrule.explorer.ModelExplorer;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.layers.Conv2d;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the explorer's pages in headless Chromium, offline, as a user would: no console error, no
 * resource fetched, a click on a node shows its formula and the values the seed prints (and, for
 * a convolutional network, the statistics of its images worked out by hand), search finds nodes
 * by name, a collapsed layer opens, and the screenshot is not blank. The screenshot of
 * mazur is the guide's picture ({@code -Dchainrule.docs.update=true} rewrites it).
 */
class ExplorerBrowserTest {
  private static final Path SCREENSHOT = Path.of("..", "docs", "images", "explorer-mazur.png");

  @TempDir
  Path dir;

  @Test
  void mazursPageShowsTheSeedsFormulasAndNumbers() throws Exception {
    CliRun r = CliRun.of("graph", "mazur", "--format", "html", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path page = dir.resolve("mazur.html");
    assertTrue(r.out().startsWith("wrote " + page + " (explorer, "), r.out());
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      ChromeDriver d = chromium.driver();
      d.get(page.toUri().toString());
      assertEquals("forward", d.findElement(By.tagName("body")).getAttribute("data-view"));
      // seed 001: out_o1 = σ(net_o1) = 0.75136507, and ∂E/∂w5 = 0.082167041
      click(d, "out_o1");
      assertEquals("out_o1 = σ(net_o1)", text(d, ".formula-text"));
      assertEquals("0.751365", statistic(d, "value-stats", "mean"));
      waitForTypesetting(d);
      click(d, "w5");
      assertEquals("0.082167", statistic(d, "gradient-stats", "mean"));
      WebElement search = d.findElement(By.id("search"));
      search.sendKeys("out_");
      assertEquals("4 matches", text(d, "#matches"));
      assertEquals(4, d.findElements(By.cssSelector("g.node.match")).size());
      search.sendKeys(Keys.ENTER);
      assertEquals("out_h1", text(d, ".node-name"));
      for (String view : List.of("backward", "both", "simplified", "forward")) {
        d.findElement(By.cssSelector("#views button[data-view='" + view + "']")).click();
        assertEquals(view, d.findElement(By.tagName("body")).getAttribute("data-view"));
        assertTrue(d.findElements(By.cssSelector("#canvas g.node")).size() > 5, view);
      }
      search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      assertEquals("", text(d, "#matches"));
      click(d, "out_o1");
      waitForTypesetting(d);
      byte[] png = chromium.screenshot();
      double[] ink = HeadlessChromium.ink(png);
      assertTrue(ink[0] > 0.03 && ink[1] > 50, "the screenshot looks blank: " + ink[0]
          + " of its pixels inked, " + ink[1] + " colours");
      if (Boolean.getBoolean(DocsRegeneration.PROPERTY)) {
        Files.write(SCREENSHOT, png);
      }
      assertEquals(0L, (Long) d.executeScript(
          "return performance.getEntriesByType('resource').length"), "the page fetched resources");
      assertEquals(List.of(), chromium.consoleErrors());
    }
  }

  @Test
  void theFashionMnistMlpOpensWithCollapsedLayers() throws Exception {
    Sequential mlp = Sequential.builder(Layout.ROW, 784).dense(256, Activation.relu())
        .dense(256, Activation.relu()).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).weights(Initializers.heNormal()).seed(3).build();
    Random random = new Random(3);
    double[] x = new double[16 * 784];
    double[] y = new double[16 * 10];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 784; j++) {
        x[i * 784 + j] = random.nextDouble();
      }
      y[i * 10 + random.nextInt(10)] = 1;
    }
    Path page = ModelExplorer.of(mlp, Loss.softmaxCrossEntropy(), Tensor.of(x, 16, 784),
        Tensor.of(y, 16, 10)).write(dir.resolve("mlp.html"));
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      ChromeDriver d = chromium.driver();
      d.get(page.toUri().toString());
      d.findElement(By.cssSelector("#views button[data-view='both']")).click();
      assertEquals("layers", d.findElement(By.tagName("body")).getAttribute("data-variant"));
      List<WebElement> boxes = d.findElements(By.cssSelector("#canvas g.node.box"));
      assertTrue(boxes.size() >= 4, "expected a box per layer, found " + boxes.size());
      WebElement layer2 = boxes.stream().filter(b -> "layer2".equals(b.getAttribute(
          "data-scope"))).findFirst().orElseThrow();
      layer2.click();
      assertEquals("all", d.findElement(By.tagName("body")).getAttribute("data-variant"));
      click(d, "Z[2]");
      assertEquals("Z[2] = A[1]·W[2] + b[2]", text(d, ".formula-text"));
      assertEquals("(16, 256)", text(d, ".fact-shape"));
      d.findElement(By.id("collapse")).click();
      assertEquals("layers", d.findElement(By.tagName("body")).getAttribute("data-variant"));
      assertEquals(List.of(), chromium.consoleErrors());

      CliRun r = CliRun.of("graph", "fashion-mlp", "--format", "html", "--out", dir.toString());
      assertEquals(0, r.status(), r.err());
      d.get(dir.resolve("fashion-mlp.html").toUri().toString());
      assertEquals("layers", d.findElement(By.tagName("body")).getAttribute("data-variant"));
      d.findElements(By.cssSelector("#canvas g.node.box")).stream().filter(b -> "layer3".equals(
          b.getAttribute("data-scope"))).findFirst().orElseThrow().click();
      click(d, "A[3]");
      assertEquals("(64, 256)", text(d, ".fact-shape"));
      assertEquals("A[3] = relu(Z[3])", text(d, ".formula-text"));
      // a ReLU's output: nothing below 0, and some units of a random batch at exactly 0
      assertEquals("0", statistic(d, "value-stats", "min"));
      assertTrue(d.findElements(By.cssSelector("table.gradient-stats")).size() == 1);
      assertEquals(List.of(), chromium.consoleErrors());
    }
  }

  @Test
  void aConvolutionalNetworksPanelShowsTheValuesOfItsImages() throws Exception {
    // one 3×3 filter of 0.1s, padding 1, no bias, over two 5×5 images of ones: a corner window
    // covers 4 pixels (0.4), an edge window 6 (0.6), an inner one 9 (0.9), so Z[1] holds 4·0.4,
    // 12·0.6 and 9·0.9 per image: mean 16.9 / 25 = 0.676, min 0.4, max 0.9. Batch norm in
    // evaluation mode, fresh (mean 0, variance 1, γ = 1, β = 0), divides by √(1 + 1e−5):
    // A[2] has mean 0.676 / √1.00001 = 0.675997; every 2×2 max-pool window holds an inner
    // pixel, so A[3] is 0.9 / √1.00001 = 0.899996 throughout.
    Network net = Network.builder(1, 5, 5).conv2d(1, 3, 1, Activation.relu()).batchNorm()
        .maxPool2d(2).flatten().dense(3, Activation.softmax()).seed(5).build();
    Arrays.fill(((Conv2d) net.layers().get(0)).weights().buffer(), 0.1);
    double[] ones = new double[2 * 25];
    Arrays.fill(ones, 1.0);
    Tensor targets = Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 0, 1});
    Path page = ModelExplorer.of(net, Loss.softmaxCrossEntropy(), Tensor.of(ones, 2, 25),
        targets).write(dir.resolve("cnn.html"));
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      ChromeDriver d = chromium.driver();
      d.get(page.toUri().toString());
      assertEquals("layers", d.findElement(By.tagName("body")).getAttribute("data-variant"));
      List<String> scopes = d.findElements(By.cssSelector("#canvas g.node.box")).stream()
          .map(b -> b.getAttribute("data-scope")).toList();
      assertEquals(List.of("conv1", "batchnorm2", "maxpool3", "flatten4", "layer5"), scopes);
      d.findElements(By.cssSelector("#canvas g.node.box")).get(0).click();
      click(d, "Z[1]");
      assertEquals("(2, 1, 5, 5)", text(d, ".fact-shape"));
      assertEquals("50", statistic(d, "value-stats", "elements"));
      assertEquals("0.676", statistic(d, "value-stats", "mean"));
      assertEquals("0.4", statistic(d, "value-stats", "min"));
      assertEquals("0.9", statistic(d, "value-stats", "max"));
      assertEquals(1, d.findElements(By.cssSelector("table.gradient-stats")).size());
      click(d, "A[2]");
      assertEquals("0.675997", statistic(d, "value-stats", "mean"));
      click(d, "A[3]");
      assertEquals("(2, 1, 2, 2)", text(d, ".fact-shape"));
      assertEquals("0.899996", statistic(d, "value-stats", "min"));
      assertEquals("0.899996", statistic(d, "value-stats", "max"));
      click(d, "W[1]");
      assertEquals("0.1", statistic(d, "value-stats", "mean"));
      assertEquals(1, d.findElements(By.cssSelector("table.gradient-stats")).size());
      assertEquals(List.of(), chromium.consoleErrors());
    }
  }

  /** Clicks the node whose name is {@code name} in the picture shown. */
  private static void click(ChromeDriver d, String name) {
    String id = (String) d.executeScript("var g = JSON.parse(document.getElementById('data')"
        + ".textContent).graphs; for (var i = 0; i < g.length; i++) { for (var k in g[i].nodes)"
        + " { if (g[i].nodes[k].name === arguments[0]) { return k; } } } return null;", name);
    for (WebElement g : d.findElements(By.cssSelector("#canvas g.node"))) {
      if (g.findElement(By.tagName("title")).getAttribute("textContent").trim().equals(id)) {
        d.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
            g);
        assertEquals(name, text(d, ".node-name"));
        return;
      }
    }
    throw new AssertionError("no node " + name + " (" + id + ") is drawn in the view shown");
  }

  private static String text(ChromeDriver d, String css) {
    return d.findElement(By.cssSelector(css)).getText().trim();
  }

  private static String statistic(ChromeDriver d, String table, String row) {
    for (WebElement tr : d.findElements(By.cssSelector("table." + table + " tr"))) {
      List<WebElement> cells = tr.findElements(By.tagName("td"));
      if (cells.get(0).getText().equals(row)) {
        return cells.get(1).getText();
      }
    }
    throw new AssertionError("no row " + row + " in " + table);
  }

  private static void waitForTypesetting(ChromeDriver d) {
    new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector(
        ".formula-math[data-typeset='true'] svg")).isEmpty());
  }
}
