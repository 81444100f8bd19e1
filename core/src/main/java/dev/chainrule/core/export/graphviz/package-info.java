/**
 * Graphviz, bounded: turns DOT text into SVG or PNG with or without Graphviz installed, on any
 * platform, within a time and a memory limit. Entry points: {@link
 * dev.chainrule.core.export.graphviz.GraphvizWasm} (Graphviz compiled to WebAssembly, run inside
 * the JVM), {@link dev.chainrule.core.export.graphviz.DotProgram} (Graphviz's {@code dot}
 * program as a subprocess), {@link dev.chainrule.core.export.graphviz.SvgRasterizer} (SVG to PNG
 * in Java) and {@link dev.chainrule.core.export.graphviz.Limits}; failures are {@link
 * dev.chainrule.core.export.graphviz.GraphvizException}s with a reason. This package knows DOT
 * text, not graphs: {@link dev.chainrule.core.export.Renderer} chooses between the engines.
 */
package dev.chainrule.core.export.graphviz;
