/**
 * Command-line conventions shared by every subcommand: {@link dev.chainrule.examples.cli.Cli} (exit
 * statuses, one-line errors), {@link dev.chainrule.examples.cli.Json} (one JSON object on stdout),
 * {@link dev.chainrule.examples.cli.PictureFiles} (writing {@link
 * dev.chainrule.examples.cli.Picture}s in the formats and with the engine the user names),
 * {@link dev.chainrule.examples.cli.Flags} (option checks naming the option and value) and {@link
 * dev.chainrule.examples.cli.AnomalyOption} ({@code --detect-anomaly}); {@link
 * dev.chainrule.examples.cli.QuickStart} starts a one-picture {@code graph} command in a JVM tuned
 * for a short run.
 */
package dev.chainrule.examples.cli;
