package dev.chainrule.core.export;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link Renderer#write} produced. When no engine could render, {@code file} is the DOT file
 * written instead and {@code message} says how to render it; rendering problems are reported here,
 * never thrown.
 *
 * @param file the file written: the requested one, or the DOT file when rendering failed
 * @param format the format of {@code file}
 * @param rendered true when the requested format was written
 * @param engine the engine that rendered, or null when none did (or none was needed, for DOT)
 * @param elapsed the time rendering and writing took
 * @param message one line for the user: what was written, and if need be how to render it
 */
public record RenderResult(Path file, ImageFormat format, boolean rendered,
    Renderer.Engine engine, Duration elapsed, String message) {}
