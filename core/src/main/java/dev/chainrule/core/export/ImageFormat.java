package dev.chainrule.core.export;

import java.util.Locale;

/** The file formats a graph picture can be written in. */
public enum ImageFormat {
  /** Graphviz's own text: needs no engine, renders anywhere Graphviz is installed. */
  DOT,
  /** Scalable vector graphics: sharp at any zoom, text searchable. */
  SVG,
  /** A raster image, for documents and slides. */
  PNG;

  /** Returns the file extension, without the dot. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the format named by a file extension or command-line word, ignoring case. */
  public static ImageFormat parse(String word) {
    for (ImageFormat f : values()) {
      if (f.extension().equalsIgnoreCase(word.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown image format '" + word + "'; use dot, svg or png");
  }
}
