/**
 * Export of trained models to ONNX, the file format other runtimes (ONNX Runtime, and through it
 * most deployment stacks) execute and viewers such as Netron draw. Entry point: {@link
 * dev.chainrule.onnx.OnnxExport}, which writes a {@link dev.chainrule.nn.model.Sequential} (dense
 * layers and their activations, softmax included) as an ONNX model of operator set {@value
 * dev.chainrule.onnx.OnnxExport#OPSET}, in float64 as chainrule trains. The file's messages are
 * the classes {@code protoc} generates from ONNX's own schema ({@code src/main/proto/onnx.proto})
 * at build time; {@link dev.chainrule.onnx.OnnxGraph} assembles them.
 */
package dev.chainrule.onnx;
