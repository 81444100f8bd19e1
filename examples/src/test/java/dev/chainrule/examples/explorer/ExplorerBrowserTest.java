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
import dev.chainrule.nn.model.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * resource fetched, a click on a node shows its formula and the values the seed prints, search
 * finds nodes by name, a collapsed layer opens, and the screenshot is not blank. The screenshot of
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
