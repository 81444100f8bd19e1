package dev.chainrule.explorer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles the self-contained page: the HTML template with its style sheet, the page's script,
 * MathJax and the data (views, pictures, node facts) inlined. The data is JSON written with
 * HTML-safe escaping, so no picture or name can close the script element that holds it; each
 * placeholder is filled once, in the template only, never inside inserted text.
 */
final class Page {
  private static final String BASE = "/dev/chainrule/explorer/";

  private Page() {}

  /** Returns the page titled {@code title} showing {@code data}. */
  static String html(String title, Map<String, Object> data) {
    Gson gson = new GsonBuilder().serializeNulls().create();
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("/*STYLE*/", MathJaxBundle.read(BASE + "page.css"));
    parts.put("{{TITLE}}", title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    parts.put("/*DATA*/", gson.toJson(data));
    parts.put("/*MATHJAX*/", MathJaxBundle.script().replace("</script", "<\\/script"));
    parts.put("/*SCRIPT*/", MathJaxBundle.read(BASE + "page.js"));
    return fill(MathJaxBundle.read(BASE + "page.html"), parts);
  }

  /** Replaces each placeholder, which must occur exactly once in {@code template}. */
  static String fill(String template, Map<String, String> parts) {
    Map<Integer, String> at = new TreeMap<>();
    for (String p : parts.keySet()) {
      int i = template.indexOf(p);
      if (i < 0 || template.indexOf(p, i + 1) >= 0) {
        throw new IllegalStateException("the page template must hold " + p + " exactly once");
      }
      at.put(i, p);
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    for (Map.Entry<Integer, String> e : at.entrySet()) {
      sb.append(template, from, e.getKey()).append(parts.get(e.getValue()));
      from = e.getKey() + e.getValue().length();
    }
    return sb.append(template.substring(from)).toString();
  }
}
