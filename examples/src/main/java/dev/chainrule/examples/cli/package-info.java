/**
 * Command-line conventions shared by every subcommand: {@link dev.chainrule.examples.cli.Cli} (exit
 * statuses, one-line errors), {@link dev.chainrule.examples.cli.Json} (one JSON object on stdout).
 */
package dev.chainrule.examples.cli;
