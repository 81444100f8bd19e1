/**
 * Pictures of computation graphs, forward, backward or both, as Graphviz DOT text, SVG and PNG.
 * Entry points: {@link dev.chainrule.core.export.GraphExport} selects the nodes to draw (the
 * ancestors of some targets, optionally only down to given nodes) and writes deterministic DOT
 * text as {@link dev.chainrule.core.export.ExportOptions} say (view, direction, values, one box
 * per layer, legend, title, numbers written as symbols, the node budget); a graph over the budget
 * is summarised, and {@link dev.chainrule.core.export.GraphPicture} says how; {@link
 * dev.chainrule.core.export.SideBySide} puts several exports in one picture, each in a captioned
 * box (a pass as built next to its rewrite, autograd next to a hand formula); {@link
 * dev.chainrule.core.export.Renderer} turns that text into SVG or PNG with the {@code dot} program
 * or the bundled Graphviz (package {@code graphviz}), within time and memory limits, and writes
 * the DOT file with instructions where it cannot. The graph model knows nothing of DOT:
 * everything picture-specific lives here.
 */
package dev.chainrule.core.export;
