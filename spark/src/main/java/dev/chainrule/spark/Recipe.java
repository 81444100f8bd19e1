package dev.chainrule.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * How to build an object on any JVM of a cluster: a supplier that Spark can serialize and ship to
 * the executors, which build their own copy from it. Objects that are not serializable themselves
 * (a {@code Loss}, an {@code Optimizer}, a custom {@code Model}) travel this way, written as a
 * method reference or a lambda that captures only serializable values:
 *
 * <pre>{@code
 * Recipe<Loss> loss = Loss::softmaxCrossEntropy;
 * Recipe<Optimizer> adam = () -> Adam.of(1e-3);
 * }</pre>
 *
 * @param <T> what the recipe builds
 */
@FunctionalInterface
public interface Recipe<T> extends Supplier<T>, Serializable {}
