package dev.chainrule.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling the page template. */
class PageTest {
  @Test
  void placeholdersAreFilledInTheTemplateOnlyNeverInsideInsertedText() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("/*B*/", "b holds /*A*/");
    parts.put("/*A*/", "a");
    assertEquals("<a>[b holds /*A*/]", Page.fill("</*A*/>[/*B*/]", parts));
  }

  @Test
  void aPlaceholderMissingOrTwiceIsAnError() {
    assertThrows(IllegalStateException.class, () -> Page.fill("x", Map.of("/*A*/", "a")));
    assertThrows(IllegalStateException.class, () -> Page.fill("/*A*//*A*/", Map.of("/*A*/",
        "a")));
  }
}
