/**
 * Export of trained models to ONNX, the file format other runtimes (ONNX Runtime, and through it
 * most deployment stacks) execute and viewers such as Netron draw. Entry point: {@link
 * dev.chainrule.onnx.OnnxExport}, which writes a {@link dev.chainrule.nn.model.Sequential}, a
 * {@link dev.chainrule.nn.model.Network} or a {@link dev.chainrule.nn.model.LayerStack} as an
 * ONNX model of operator set {@value dev.chainrule.onnx.OnnxExport#OPSET}, in float64 as chainrule
 * trains, computing what the model computes in evaluation mode. {@link
 * dev.chainrule.onnx.LayerNodes} says which nodes each layer class becomes (one class per family:
 * {@link dev.chainrule.onnx.DenseNodes}, {@link dev.chainrule.onnx.ConvNodes}, {@link
 * dev.chainrule.onnx.PoolNodes}, {@link dev.chainrule.onnx.NormNodes}, {@link
 * dev.chainrule.onnx.ShapeNodes}, {@link dev.chainrule.onnx.EmbeddingNodes}, {@link
 * dev.chainrule.onnx.RecurrentNodes}). The file's messages are the classes {@code protoc}
 * generates from ONNX's own schema ({@code src/main/proto/onnx.proto}) at build time; {@link
 * dev.chainrule.onnx.OnnxGraph} assembles them.
 */
package dev.chainrule.onnx;
