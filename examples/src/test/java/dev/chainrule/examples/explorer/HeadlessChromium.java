package dev.chainrule.examples.explorer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import dev.chainrule.core.testing.Prerequisites;
import javax.imageio.ImageIO;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium driven headless through Selenium and Debian's chromedriver, offline: a fresh
 * profile, no background networking, every host name unresolvable. .ci/run installs the two
 * programs; where they are missing the tests that need them fail on CI and are skipped, with the
 * reason, on a developer's machine ({@link Prerequisites}).
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts the browser with a window of 1400 × 900; when it is absent, fails the test on CI and
   * skips it elsewhere.
   */
  static HeadlessChromium start() throws IOException {
    Prerequisites.require(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "headless Chromium (" + BROWSER + " and " + DRIVER + ")",
        "apt-get install chromium chromium-driver");
    Path profile = Files.createTempDirectory("chainrule-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,900",
        "--host-resolver-rules=MAP * ~NOTFOUND");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString())).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new HeadlessChromium(driver, profile);
  }

  /** Returns the driver. */
  ChromeDriver driver() {
    return driver;
  }

  /** Returns the console messages of level SEVERE (errors) logged so far. */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** Returns a screenshot of the window. */
  byte[] screenshot() {
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  /**
   * Returns the share of pixels of {@code png} that are not white and the number of distinct
   * colours, as {@code {share, colours}}.
   */
  static double[] ink(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    long inked = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          inked++;
        }
      }
    }
    return new double[] {(double) inked / ((long) image.getWidth() * image.getHeight()),
        colours.size()};
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile()
          .delete());
    }
  }
}
