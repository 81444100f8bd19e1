/**
 * Starting values for parameters, drawn from a seeded source so that every run is reproducible.
 *
 * <p>Entry points: {@link dev.chainrule.nn.init.Initializers} (seed 004's N(0,1)·0.01, zeros,
 * uniform, Xavier/Glorot, He, explicit values) and {@link dev.chainrule.nn.init.RandomSource}
 * (the seeded generator); {@link dev.chainrule.nn.init.Initializer} is the interface to write
 * another rule.
 */
package dev.chainrule.nn.init;
