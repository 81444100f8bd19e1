package dev.chainrule.examples.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;

/** Writes a subcommand's result as exactly one JSON object on standard output. */
public final class Json {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
      .disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /**
   * Prints {@code result} (a map or record of plain values) as one JSON object; null values are
   * kept as {@code null}, so every key is always present.
   */
  public static void print(Object result, PrintStream out) {
    out.println(GSON.toJson(result));
  }
}
