/**
 * The {@code export-onnx} command: a saved model written as an ONNX file. Entry point: {@link
 * dev.chainrule.examples.onnx.ExportOnnxCommand}.
 */
package dev.chainrule.examples.onnx;
