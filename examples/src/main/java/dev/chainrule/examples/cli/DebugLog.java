package dev.chainrule.examples.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns chainrule's logging on for one run of the command line: {@code java
 * -Dchainrule.log=debug -jar …} prints the DEBUG lines of the {@code dev.chainrule} loggers (which
 * GEMM backend was found, for one) on standard error. Without it the command line logs nothing,
 * as a program using the library does until its user configures logging.
 */
public final class DebugLog {
  /** The system property that turns the debug lines on. */
  public static final String PROPERTY = "chainrule.log";

  /** Held here: java.util.logging keeps loggers weakly, which would drop the level set on it. */
  private static final Logger CHAINRULE = Logger.getLogger("dev.chainrule");

  private DebugLog() {}

  /** Prints chainrule's DEBUG lines on standard error when {@value #PROPERTY} is {@code debug}. */
  public static void fromSystemProperty() {
    if (!"debug".equals(System.getProperty(PROPERTY))) {
      return;
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.ALL);
    CHAINRULE.setLevel(Level.FINE);
    CHAINRULE.addHandler(handler);
  }
}
