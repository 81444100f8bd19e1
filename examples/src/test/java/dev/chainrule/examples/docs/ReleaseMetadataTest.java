package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Maven Central checks in a release, checked in the poms themselves: every module has a name
 * and a description, and the BOM, which every module inherits, has the URL, licence, developers
 * and source control; the BOM manages each library module; the licence file is Apache-2.0.
 */
class ReleaseMetadataTest {
  private static final List<String> MODULES = List.of("bom", ".", "core", "nn", "cli", "onnx",
      "explorer", "examples", "spark");

  private static String pom(String module) throws IOException {
    return Files.readString(MarkdownBlocks.ROOT.resolve(module).resolve("pom.xml"));
  }

  /** Returns the pom without its parent, dependencies and build: the project's own elements. */
  private static String ownElements(String pom) {
    return pom.replaceAll("(?s)<parent>.*?</parent>|<dependencyManagement>.*"
        + "</dependencyManagement>|<dependencies>.*</dependencies>|<build>.*</build>", "");
  }

  @Test
  void everyModuleHasANameAndADescription() throws IOException {
    for (String module : MODULES) {
      String own = ownElements(pom(module));
      assertTrue(own.matches("(?s).*<name>[^<]+</name>.*"), module + " has a name");
      assertTrue(own.matches("(?s).*<description>[^<]{20,}</description>.*"),
          module + " has a description");
    }
  }

  @Test
  void theBomCarriesWhatEveryModuleInherits() throws IOException {
    String bom = ownElements(pom("bom"));
    for (String element : List.of("url", "licenses", "developers", "scm", "connection",
        "developerConnection")) {
      assertTrue(bom.matches("(?s).*<" + element + "[ >].*"), "the BOM has <" + element + ">");
    }
    assertTrue(bom.contains("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"));
    assertTrue(bom.contains("child.project.url.inherit.append.path=\"false\""),
        "modules inherit the project's URL as it is, without their directory appended");
    for (String module : List.of(".", "core", "nn", "cli", "onnx", "explorer", "examples",
        "spark")) {
      String parent = first("<parent>(.*?)</parent>", pom(module));
      assertTrue(parent.contains("<artifactId>chainrule-" + (module.equals(".") ? "bom"
          : "parent") + "</artifactId>"), module + " inherits the BOM's metadata");
    }
  }

  @Test
  void theBomManagesEveryLibraryModuleAtTheBuildsVersion() throws IOException {
    String bom = pom("bom");
    String managed = first("<dependencyManagement>(.*)</dependencyManagement>", bom);
    for (String library : List.of("core", "nn", "cli", "onnx", "explorer", "spark")) {
      assertTrue(managed.contains("<artifactId>chainrule-" + library + "</artifactId>"),
          "the BOM manages chainrule-" + library);
    }
    assertEquals(first("<version>(.*?)</version>", bom),
        first("<parent>.*?<version>(.*?)</version>", pom(".")));
  }

  @Test
  void theLicenceIsApache2() throws IOException {
    String licence = Files.readString(MarkdownBlocks.ROOT.resolve("LICENSE"));
    assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
        && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE holds the Apache-2.0 text");
  }

  private static String first(String regex, String text) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1);
  }
}
