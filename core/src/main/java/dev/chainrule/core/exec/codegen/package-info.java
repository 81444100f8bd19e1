/**
 * JVM code generated for small fused loops: {@link
 * dev.chainrule.core.exec.codegen.ElementCompiler#compile} turns an {@link
 * dev.chainrule.core.exec.codegen.ElementCode} (a program laid out element by element over
 * registers) into a hidden class implementing {@link
 * dev.chainrule.core.exec.codegen.ElementKernel} (in float32, {@link
 * dev.chainrule.core.exec.codegen.ElementCompiler#compileFloat} and a {@link
 * dev.chainrule.core.exec.codegen.FloatElementKernel}), written with ASM and named opcodes, one JVM
 * instruction or static call per primitive. A program it cannot compile raises {@link
 * dev.chainrule.core.exec.codegen.ElementCompiler.NotCompiledException} with the reason, which
 * the plan's description shows; it never falls back silently.
 */
package dev.chainrule.core.exec.codegen;
