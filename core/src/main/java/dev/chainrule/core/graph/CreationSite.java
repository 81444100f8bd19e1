package dev.chainrule.core.graph;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the line of user code that is building a node: the first stack frame outside chainrule's
 * own main packages ({@code dev.chainrule.core}, {@code dev.chainrule.nn}) and the JDK. Classes
 * whose name ends in {@code Test} count as user code, so tests see their own lines. A walk costs a
 * few microseconds, so the graph walks for every input and parameter, once per gradient pass, at
 * every error, and for other nodes only where {@link SiteSampler} has not seen their context.
 */
public final class CreationSite {
  /**
   * Frames the first batch of a walk fetches: enough to reach the user's frame from an operation
   * called directly (the walk, the sampler, the graph's bookkeeping and the fluent method come
   * first), so that one batch suffices; a walk from deeper (a layer of nn) fetches more.
   */
  private static final int FIRST_BATCH = 12;
  private static final StackWalker WALKER = StackWalker.getInstance(
      Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE), FIRST_BATCH);
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
  private static final Function<Stream<StackWalker.StackFrame>, String> USER_LINE =
      frames -> frames.filter(f -> USER.get(f.getDeclaringClass())).findFirst()
          .map(CreationSite::format).orElse(null);
  private static volatile boolean enabled = true;

  private CreationSite() {}

  /**
   * Turns recording on or off for all graphs; off saves the sampled walks and lookups, a few
   * hundredths of a microsecond per node built, and error messages about stored nodes then lack
   * the line.
   */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** Returns whether creation sites are being recorded. */
  public static boolean isEnabled() {
    return enabled;
  }

  /**
   * Returns the current user frame as {@code File.java:42 (Class.method)}, or null when off.
   * Nodes built on one line, by one call or several, share one string.
   */
  public static String capture() {
    return enabled ? WALKER.walk(USER_LINE) : null;
  }

  /** Returns the current user frame regardless of the recording setting, or null if none. */
  static String walk() {
    return WALKER.walk(USER_LINE);
  }

  /** Returns the current user frame regardless of the recording setting (for error messages). */
  public static String here() {
    String site = WALKER.walk(USER_LINE);
    return site != null ? site : "an unknown location";
  }

  /**
   * Formats a frame once per code position; the string is interned, so that every call on one
   * line (a loop's, or two calls side by side) gives the same string object.
   */
  private static String format(StackWalker.StackFrame f) {
    return FORMATTED.get(f.getDeclaringClass()).computeIfAbsent(
        new Frame(f.getMethodName(), f.getDescriptor(), f.getByteCodeIndex()),
        k -> (f.getFileName() + ":" + f.getLineNumber() + " (" + simpleName(f.getClassName())
            + "." + f.getMethodName() + ")").intern());
  }

  /**
   * A code position within one class: method, its descriptor (overloads differ) and bytecode
   * index. The hash leaves the descriptor out: the JVM hands it over as a new string at every
   * walk, whose hash would be computed afresh each time, while the method's name is interned.
   */
  private record Frame(String method, String descriptor, int bytecodeIndex) {
    @Override
    public int hashCode() {
      return 31 * method.hashCode() + bytecodeIndex;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Frame f && f.bytecodeIndex == bytecodeIndex && f.method.equals(method)
          && f.descriptor.equals(descriptor);
    }
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
