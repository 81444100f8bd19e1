package dev.chainrule.core.graph;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the line of user code that is building a node: the first stack frame outside chainrule's
 * own main packages ({@code dev.chainrule.core}, {@code dev.chainrule.nn}) and the JDK. Classes whose
 * name ends in {@code Test} count as user code, so tests see their own lines. A walk costs a few
 * microseconds, so the graph walks for every input and parameter, once per gradient pass, at
 * every error, and for other nodes only where {@link SiteSampler} has not seen their context.
 */
public final class CreationSite {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final ClassValue<Boolean> USER = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isUserClass(type.getName());
    }
  };
  private static final ClassValue<Map<Frame, String>> FORMATTED = new ClassValue<>() {
    @Override
    protected Map<Frame, String> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };
  private static final Function<Stream<StackWalker.StackFrame>, Optional<StackWalker.StackFrame>>
      FIRST_USER_FRAME = frames -> frames.filter(f -> USER.get(f.getDeclaringClass())).findFirst();
  private static volatile boolean enabled = true;

  private CreationSite() {}

  /**
   * Turns recording on or off for all graphs; off saves the sampled walks, a few tenths of a
   * microsecond per node built, and error messages about stored nodes then lack the line.
   */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** Returns whether creation sites are being recorded. */
  public static boolean isEnabled() {
    return enabled;
  }

  /**
   * Returns the current user frame as {@code File.java:42 (Class.method)}, or null when off. The
   * walk is done here, not in a helper, because every frame between the user and the walk costs
   * time on each node built.
   */
  public static String capture() {
    if (!enabled) {
      return null;
    }
    return WALKER.walk(FIRST_USER_FRAME).map(CreationSite::format).orElse(null);
  }

  /** Returns the current user frame regardless of the recording setting (for error messages). */
  public static String here() {
    return WALKER.walk(FIRST_USER_FRAME).map(CreationSite::format).orElse("an unknown location");
  }

  /** Formats a frame once per code position: nodes built on one line share one string. */
  private static String format(StackWalker.StackFrame f) {
    return FORMATTED.get(f.getDeclaringClass()).computeIfAbsent(
        new Frame(f.getMethodName(), f.getDescriptor(), f.getByteCodeIndex()),
        k -> f.getFileName() + ":" + f.getLineNumber() + " (" + simpleName(f.getClassName())
            + "." + f.getMethodName() + ")");
  }

  /** A code position within one class: method, its descriptor (overloads differ) and bytecode index. */
  private record Frame(String method, String descriptor, int bytecodeIndex) {}

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
