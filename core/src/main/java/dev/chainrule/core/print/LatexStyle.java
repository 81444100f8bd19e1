package dev.chainrule.core.print;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX as the seeds write it: W^{[2]T} \cdot dZ^{[2]}, \frac{1}{m} dZ^{[2]} \cdot A^{[1]T},
 * net_{h1}. A name's trailing [l] becomes a superscript, its first underscore a subscript, and a
 * single letter followed by digits (w5) a subscripted letter.
 */
final class LatexStyle implements Style {
  private static final Pattern LAYER = Pattern.compile("^(.*?)\\[([^\\]]*)\\]$");
  private static final Pattern LETTER_DIGITS = Pattern.compile("^(d?[A-Za-z])(\\d+)$");
  private static final Map<String, String> SYMBOLS = Map.of("+", "+", "−", "-", "∘", "\\odot",
      "·", "\\cdot", "/", "/", ">", ">", "≥", "\\geq", "<", "<", "≤", "\\leq", "=", "=");
  private static final Map<Character, String> GREEK = Map.of('σ', "\\sigma", 'δ', "\\delta",
      'λ', "\\lambda", 'η', "\\eta", 'α', "\\alpha", 'Σ', "\\Sigma", '∂', "\\partial");
  private static final Map<String, String> FUNCTIONS = Map.of("σ", "\\sigma", "tanh", "\\tanh",
      "log", "\\log", "exp", "\\exp", "max", "\\max");

  @Override
  public String name(String name) {
    String sup = "";
    String base = name;
    Matcher layer = LAYER.matcher(name);
    if (layer.matches()) {
      base = layer.group(1);
      sup = "^{[" + layer.group(2) + "]}";
    }
    String sub = "";
    int underscore = base.indexOf('_');
    if (underscore > 0) {
      sub = "_{" + escape(base.substring(underscore + 1)) + "}";
      base = base.substring(0, underscore);
    } else {
      Matcher digits = LETTER_DIGITS.matcher(base);
      if (digits.matches()) {
        base = digits.group(1);
        sub = "_{" + digits.group(2) + "}";
      }
    }
    return escape(base) + sub + sup;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      String g = GREEK.get(c);
      if (g != null) {
        sb.append(g).append(' ');
      } else if (c == ' ') {
        sb.append("\\ ");
      } else if ("#$%&{}".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString().replace(" }", "}").trim();
  }

  @Override
  public String number(String number) {
    return number;
  }

  @Override
  public String fraction(String numerator, String denominator) {
    return "\\frac{" + numerator + "}{" + denominator + "}";
  }

  @Override
  public boolean fractionsAreAtoms() {
    return true;
  }

  @Override
  public String paren(String s) {
    return "\\left(" + s + "\\right)";
  }

  @Override
  public String operator(String symbol) {
    return " " + SYMBOLS.getOrDefault(symbol, symbol) + " ";
  }

  @Override
  public String tight(String symbol) {
    return " \\cdot ";
  }

  @Override
  public String minus(String s) {
    return "-" + s;
  }

  @Override
  public String scaled(String factor, boolean fraction, String x) {
    return factor + (fraction ? " " : " \\cdot ") + x;
  }

  @Override
  public String transpose(String atom, boolean named) {
    if (named && atom.endsWith("]}")) {
      return atom.substring(0, atom.length() - 1) + "T}";
    }
    return atom + "^{T}";
  }

  @Override
  public String power(String base, String exponent) {
    String b = base.contains("^") && !base.endsWith("\\right)") ? paren(base) : base;
    return b + "^{" + exponent + "}";
  }

  @Override
  public String sqrt(String x, boolean atom) {
    return "\\sqrt{" + x + "}";
  }

  @Override
  public String abs(String x) {
    return "\\left|" + x + "\\right|";
  }

  @Override
  public String function(String fn, String args) {
    String f = FUNCTIONS.getOrDefault(fn, "\\operatorname{" + fn + "}");
    return f + "\\left(" + args + "\\right)";
  }

  @Override
  public String function(String text, String latex, String args) {
    return latex.isEmpty() ? function(text, args) : latex + "\\left(" + args + "\\right)";
  }

  @Override
  public String sum(String axes, String x, boolean atom) {
    String sub = axes.isEmpty() ? "" : "_{\\text{" + axes + "}}";
    return "\\sum" + sub + " " + (atom ? x : paren(x));
  }

  @Override
  public String words(String text) {
    return "\\text{" + text + "}";
  }

  @Override
  public String indicator(String condition) {
    return "\\mathbb{1}\\left(" + condition + "\\right)";
  }
}
