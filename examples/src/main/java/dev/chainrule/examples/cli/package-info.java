/**
 * Command-line conventions shared by every subcommand: {@link dev.chainrule.examples.cli.Cli} (exit
 * statuses, one-line errors), {@link dev.chainrule.examples.cli.Json} (one JSON object on stdout),
 * and {@link dev.chainrule.examples.cli.PictureFiles} (writing {@link
 * dev.chainrule.examples.cli.Picture}s in the formats and with the engine the user names).
 */
package dev.chainrule.examples.cli;
