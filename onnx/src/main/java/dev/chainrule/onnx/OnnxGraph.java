package dev.chainrule.onnx;

import com.google.protobuf.ByteString;
import dev.chainrule.core.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * An ONNX graph under construction: float64 initializers, nodes in execution order, the graph's
 * input and output. Each node is named after the chainrule scope it comes from ({@code
 * layer1/MatMul}) and carries, as its documentation, the formula it computes in the seeds'
 * notation, which Netron shows beside it. Not thread-safe; one graph per export.
 */
final class OnnxGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder();

  /** Starts a graph called {@code name} with {@code doc} as its documentation. */
  OnnxGraph(String name, String doc) {
    graph.setName(name).setDocString(doc);
  }

  /** Adds {@code value} as a constant tensor called {@code name} and returns the name. */
  String initializer(String name, Tensor value) {
    ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * value.size())
        .order(ByteOrder.LITTLE_ENDIAN);
    for (double v : value.buffer()) {
      bytes.putDouble(v);
    }
    TensorProto.Builder t = TensorProto.newBuilder().setName(name)
        .setDataType(TensorProto.DataType.DOUBLE_VALUE).setRawData(ByteString.copyFrom(bytes
            .array()));
    for (int d : value.shape().dims()) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return name;
  }

  /**
   * Adds a node of operator {@code op} from {@code inputs} to a value called {@code output},
   * named {@code name}, documented with {@code formula}, and returns the output's name.
   */
  String node(String op, String name, String formula, List<String> inputs, String output,
      AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name)
        .setDocString(formula).addAllInput(inputs).addOutput(output);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return output;
  }

  /** Returns an integer attribute, such as Softmax's {@code axis}. */
  static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT)
        .setI(value).build();
  }

  /**
   * Declares the graph's input {@code name}, a float64 matrix whose sample axis {@code
   * sampleAxis} has the symbolic size {@code samples} and whose other axis has {@code features}.
   */
  void input(String name, int sampleAxis, String samples, int features, String doc) {
    graph.addInput(matrix(name, sampleAxis, samples, features, doc));
  }

  /** Declares the graph's output, shaped as {@link #input} describes. */
  void output(String name, int sampleAxis, String samples, int features, String doc) {
    graph.addOutput(matrix(name, sampleAxis, samples, features, doc));
  }

  private static ValueInfoProto matrix(String name, int sampleAxis, String samples, int features,
      String doc) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int axis = 0; axis < 2; axis++) {
      shape.addDim(axis == sampleAxis
          ? TensorShapeProto.Dimension.newBuilder().setDimParam(samples)
          : TensorShapeProto.Dimension.newBuilder().setDimValue(features));
    }
    TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
        .setElemType(TensorProto.DataType.DOUBLE_VALUE).setShape(shape)).build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).setDocString(doc).build();
  }

  /** Returns the finished graph. */
  GraphProto build() {
    return graph.build();
  }
}
