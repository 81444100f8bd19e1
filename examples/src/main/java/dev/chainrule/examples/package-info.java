/**
 * The examples jar: {@link dev.chainrule.examples.Main} dispatches to one subcommand per runnable
 * program; {@link dev.chainrule.examples.ListCommand} lists them.
 */
package dev.chainrule.examples;
