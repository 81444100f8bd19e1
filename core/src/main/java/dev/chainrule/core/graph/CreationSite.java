package dev.chainrule.core.graph;

import java.util.Optional;

/**
 * Finds the line of user code that is building a node: the first stack frame outside chainrule's
 * own main packages ({@code dev.chainrule.core}, {@code dev.chainrule.nn}) and the JDK. Classes whose
 * name ends in {@code Test} count as user code, so tests see their own lines.
 */
public final class CreationSite {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static volatile boolean enabled = true;

  private CreationSite() {}

  /** Turns recording on or off for all graphs; off saves about a microsecond per node built. */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** Returns whether creation sites are being recorded. */
  public static boolean isEnabled() {
    return enabled;
  }

  /** Returns the current user frame as {@code File.java:42 (Class.method)}, or null when off. */
  public static String capture() {
    if (!enabled) {
      return null;
    }
    return find().orElse(null);
  }

  /** Returns the current user frame regardless of the recording setting (for error messages). */
  public static String here() {
    return find().orElse("an unknown location");
  }

  private static Optional<String> find() {
    return WALKER.walk(frames -> frames
        .filter(f -> isUserClass(f.getClassName()))
        .findFirst()
        .map(f -> f.getFileName() + ":" + f.getLineNumber() + " (" + simpleName(f.getClassName())
            + "." + f.getMethodName() + ")"));
  }

  private static boolean isUserClass(String className) {
    if (className.startsWith("java.") || className.startsWith("jdk.")
        || className.startsWith("sun.")) {
      return false;
    }
    boolean internal = className.startsWith("dev.chainrule.core.")
        || className.startsWith("dev.chainrule.nn.");
    return !internal || className.endsWith("Test") || className.contains("Test$");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
