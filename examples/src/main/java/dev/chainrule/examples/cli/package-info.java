/**
 * The examples' command-line helpers, on top of the conventions shared with the Spark command
 * line ({@code dev.chainrule.cli}): {@link dev.chainrule.examples.cli.Json} (one JSON object on
 * stdout), {@link dev.chainrule.examples.cli.PictureFiles} (writing {@link
 * dev.chainrule.examples.cli.Picture}s in the formats and with the engine the user names), {@link
 * dev.chainrule.examples.cli.AnomalyOption} ({@code --detect-anomaly}), {@link
 * dev.chainrule.examples.cli.PlotOption} ({@code --plot}) and {@link
 * dev.chainrule.examples.cli.TrainingOutput} (saving and reporting a trained model); {@link
 * dev.chainrule.examples.cli.QuickStart} starts a one-picture {@code graph} command in a JVM tuned
 * for a short run.
 */
package dev.chainrule.examples.cli;
