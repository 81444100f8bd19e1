package dev.chainrule.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rendering of a view: every node drawn, or the layers (name scopes) collapsed to one box
 * each. The picture is core's own SVG (the same layout and styles as {@code graph --format svg});
 * {@code boxes} maps the DOT id of each collapsed box to the scope it stands for, so that a click
 * on the box opens that layer.
 *
 * @param key {@code all} for every node, {@code layers} for collapsed layers
 * @param svg the SVG element, without XML prolog
 * @param boxes the collapsed boxes: DOT id to scope name (empty when nothing is collapsed)
 */
record Variant(String key, String svg, Map<String, String> boxes) {
  private static final Pattern BOX = Pattern.compile("(?m)^\\s*(\\w+) \\[label=<<b>([^<]*)</b>"
      + "[^\\n]*shape=box3d");

  /** Returns the variant of {@code dot} rendered as {@code svg}, finding its collapsed boxes. */
  static Variant of(String key, String dot, String svg) {
    Map<String, String> boxes = new LinkedHashMap<>();
    Matcher m = BOX.matcher(dot);
    while (m.find()) {
      boxes.put(m.group(1), unescape(m.group(2)));
    }
    int start = svg.indexOf("<svg");
    return new Variant(key, start < 0 ? svg : svg.substring(start), boxes);
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  /** Returns the variant as JSON-ready values. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("svg", svg);
    m.put("boxes", boxes);
    return m;
  }
}
