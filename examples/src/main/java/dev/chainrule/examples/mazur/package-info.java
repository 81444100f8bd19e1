/**
 * Seed 001, Mazur's step-by-step backpropagation example: {@link
 * dev.chainrule.examples.seeds.MazurNetwork} builds it, {@link
 * dev.chainrule.examples.mazur.MazurCommand} runs it and compares every printed number.
 */
package dev.chainrule.examples.mazur;
