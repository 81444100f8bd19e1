/** The graph explorer: one self-contained HTML page per graph or model. */
package dev.chainrule.explorer;
