/**
 * The command-line conventions and options shared by chainrule's command lines, the examples'
 * {@code chainrule-examples} and the Spark module's {@code chainrule-spark}: {@link
 * dev.chainrule.cli.Cli} (exit statuses, one-line errors), {@link dev.chainrule.cli.UsageException}
 * (bad input, exit status 2), {@link dev.chainrule.cli.Flags} (option checks naming the option and
 * value), and the picocli mixins {@link dev.chainrule.cli.DTypeOption} ({@code --dtype}), {@link
 * dev.chainrule.cli.TrainingOptions} ({@code --epochs}, {@code --batch-size}, {@code --seed}) and
 * {@link dev.chainrule.cli.FashionDataOptions} ({@code --data}, {@code --limit}, {@code
 * --validation}).
 */
package dev.chainrule.cli;
