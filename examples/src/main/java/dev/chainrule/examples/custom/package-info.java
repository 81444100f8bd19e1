/**
 * A custom model beyond a layer stack: {@link dev.chainrule.examples.custom.Mish} is an
 * operation written outside core with its own derivative, {@link
 * dev.chainrule.examples.custom.SkipNet} a model with a skip connection that uses it, and {@link
 * dev.chainrule.examples.custom.CustomModelRun} gradchecks and trains it ({@code custom-model}
 * subcommand).
 */
package dev.chainrule.examples.custom;
