package dev.chainrule.core.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON writer for reports (core depends on no JSON library): maps, lists, strings,
 * numbers, booleans and null, with two-space indentation. Non-finite numbers are written as null.
 */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, "");
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Double d) {
      sb.append(Double.isFinite(d) ? number(d) : "null");
    } else if (v instanceof Number n) {
      sb.append(n);
    } else if (v instanceof Map<?, ?> m) {
      object(sb, m, indent);
    } else if (v instanceof List<?> l) {
      array(sb, l, indent);
    } else {
      string(sb, v.toString());
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  private static void object(StringBuilder sb, Map<?, ?> m, String indent) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    String inner = indent + "  ";
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sb.append(inner);
      string(sb, String.valueOf(e.getKey()));
      sb.append(": ");
      write(sb, e.getValue(), inner);
      sb.append(++i < m.size() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  private static void array(StringBuilder sb, List<?> l, String indent) {
    boolean flat = l.stream().allMatch(x -> x == null || x instanceof Number
        || x instanceof String || x instanceof Boolean);
    if (flat) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        write(sb, l.get(i), indent);
        sb.append(i + 1 < l.size() ? ", " : "");
      }
      sb.append(']');
      return;
    }
    String inner = indent + "  ";
    sb.append("[\n");
    for (int i = 0; i < l.size(); i++) {
      sb.append(inner);
      write(sb, l.get(i), inner);
      sb.append(i + 1 < l.size() ? ",\n" : "\n");
    }
    sb.append(indent).append(']');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
