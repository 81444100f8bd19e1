package dev.chainrule.core.export;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J from printing its "No SLF4J providers were found" warning in a program that chose
 * no logging backend. graphviz-java logs through SLF4J; chainrule itself logs through {@link
 * System.Logger}. With no SLF4J provider on the class path SLF4J falls back to its no-operation
 * logger anyway, and only warns about it on standard error: in that case alone, SLF4J is
 * initialised here with its internal reports limited to errors, so the fallback happens silently.
 * A program with a provider (Logback, slf4j-simple, …) or an SLF4J 1.7 binding is left exactly as
 * it is, warnings included.
 */
final class QuietSlf4j {
  private static final String VERBOSITY = "slf4j.internal.verbosity";
  private static final String LEGACY_BINDER = "org/slf4j/impl/StaticLoggerBinder.class";

  private QuietSlf4j() {}

  /** Initialises SLF4J silently if no provider is present; does nothing otherwise. */
  static synchronized void initialize() {
    try {
      ClassLoader loader = LoggerFactory.class.getClassLoader();
      boolean noProvider = !ServiceLoader.load(SLF4JServiceProvider.class, loader).iterator()
          .hasNext() && loader.getResource(LEGACY_BINDER) == null;
      if (!noProvider || System.getProperty(VERBOSITY) != null) {
        return;
      }
      System.setProperty(VERBOSITY, "ERROR");
      try {
        LoggerFactory.getILoggerFactory();
      } finally {
        System.clearProperty(VERBOSITY);
      }
    } catch (LinkageError | ServiceConfigurationError e) {
      // an SLF4J older than 2.0 won the dependency resolution, or a provider is broken: SLF4J
      // then reports as it always does
    }
  }
}
