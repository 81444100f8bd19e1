package dev.chainrule.core.export.graphviz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The names the bundled WebAssembly module gives its functions. The npm package it comes from
 * minifies them ({@code F} for {@code malloc}); {@code graphviz-abi.properties}, written by
 * {@code core/src/main/wasm/update-graphviz.mjs} from the same package, says which is which, so
 * that the host binds functions by their real names and an update of the module is one command.
 */
final class GraphvizAbi {
  private static final Properties NAMES = load();

  private GraphvizAbi() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = GraphvizAbi.class.getResourceAsStream("graphviz-abi.properties")) {
      if (in == null) {
        throw new IllegalStateException("graphviz-abi.properties is missing from the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Returns the Emscripten function an import of the module stands for, e.g. {@code fd_write}. */
  static String importedFunction(String minifiedName) {
    return NAMES.getProperty("import." + minifiedName, minifiedName);
  }

  /** Returns the minified name under which the module exports {@code function}. */
  static String export(String function) {
    String name = NAMES.getProperty("export." + function);
    if (name == null) {
      throw new IllegalStateException("the Graphviz module exports no " + function);
    }
    return name;
  }

  /** Returns the Graphviz version compiled into the module, e.g. {@code 16.1.0}. */
  static String graphvizVersion() {
    return NAMES.getProperty("graphviz.version", "unknown");
  }
}
