/**
 * The graph explorer: one self-contained HTML page per graph or model, to click through instead of
 * reading a static picture. Entry points: {@link dev.chainrule.explorer.GraphExplorer} for any
 * graph (with its reverse pass, feeds and a simplified pass), {@link
 * dev.chainrule.explorer.ModelExplorer} for a model, a loss and a batch. The pictures are core's
 * own ({@link dev.chainrule.core.export.GraphExport} and {@link
 * dev.chainrule.core.export.Renderer}); the page adds pan and zoom, search, collapsing layers and
 * a panel of facts per node, and inlines MathJax to typeset the formulas offline.
 */
package dev.chainrule.explorer;
