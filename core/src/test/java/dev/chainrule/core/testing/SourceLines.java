package dev.chainrule.core.testing;

/** The source lines of test code, for tests that check which line a node says built it. */
public final class SourceLines {
  private SourceLines() {}

  /** Returns the line after the one calling this method. */
  public static int next() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }
}
