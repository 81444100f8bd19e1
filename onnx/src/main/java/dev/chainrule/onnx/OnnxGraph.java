package dev.chainrule.onnx;

import com.google.protobuf.ByteString;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * An ONNX graph under construction: initializers (values in the model's dtype, FLOAT for a
 * float32 model and DOUBLE for a float64 one, int64 shapes and indices),
 * nodes in execution order, the graph's input and output. Each node is named after the chainrule
 * scope it comes from ({@code layer1/MatMul}) and carries, as its documentation, the formula it
 * computes in the seeds' notation, which Netron shows beside it. Every value name is used once;
 * a second use is refused, since ONNX would silently read the wrong tensor. Not thread-safe; one
 * graph per export.
 */
final class OnnxGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> values = new HashSet<>();
  private final DType dtype;

  /**
   * Starts a graph called {@code name} with {@code doc} as its documentation, whose values,
   * input and output are of {@code dtype}.
   */
  OnnxGraph(String name, String doc, DType dtype) {
    graph.setName(name).setDocString(doc);
    this.dtype = dtype;
  }

  /** Adds {@code value} as a constant tensor called {@code name} and returns the name. */
  String initializer(String name, Tensor value) {
    long[] dims = new long[value.rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = value.shape().dim(i);
    }
    return initializer(name, value.toArray(), dims);
  }

  /**
   * Adds {@code data} (row-major) as a constant tensor of shape {@code dims} called {@code name},
   * in the graph's dtype (a float32 graph stores each value rounded to float, as chainrule's
   * float32 tensors hold it), and returns the name.
   */
  String initializer(String name, double[] data, long... dims) {
    boolean single = dtype == DType.FLOAT32;
    ByteBuffer bytes = ByteBuffer.allocate((single ? Float.BYTES : Double.BYTES) * data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (double v : data) {
      if (single) {
        bytes.putFloat((float) v);
      } else {
        bytes.putDouble(v);
      }
    }
    return add(name, elementType(), bytes.array(), dims);
  }

  private int elementType() {
    return dtype == DType.FLOAT32 ? TensorProto.DataType.FLOAT_VALUE
        : TensorProto.DataType.DOUBLE_VALUE;
  }

  /**
   * Adds the int64 {@code data} (row-major) as a constant tensor of shape {@code dims} called
   * {@code name}, as ONNX wants shapes, axes and indices, and returns the name.
   */
  String integers(String name, long[] data, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (long v : data) {
      bytes.putLong(v);
    }
    return add(name, TensorProto.DataType.INT64_VALUE, bytes.array(), dims);
  }

  /** Adds a one-dimensional int64 constant holding {@code data}, such as a Reshape's shape. */
  String vector(String name, long... data) {
    return integers(name, data, data.length);
  }

  /**
   * Adds a Reshape of {@code input} to {@code shape} (0 copies the input's size along that axis,
   * −1 takes what is left, as ONNX defines) in {@code scope}, and returns {@code output}.
   */
  String reshape(String scope, String input, String output, String formula, long... shape) {
    String target = vector(output + " shape", shape);
    return node("Reshape", scope + "Reshape to " + output, formula, List.of(input, target),
        output);
  }

  /** Adds a Transpose of {@code input} by {@code permutation} and returns {@code output}. */
  String transpose(String scope, String input, String output, String formula,
      long... permutation) {
    return node("Transpose", scope + "Transpose to " + output, formula, List.of(input), output,
        intsAttribute("perm", permutation));
  }

  private String add(String name, int type, byte[] raw, long[] dims) {
    claim(name);
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type)
        .setRawData(ByteString.copyFrom(raw));
    for (long d : dims) {
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
    return nodes(op, name, formula, inputs, List.of(output), attributes).get(0);
  }

  /**
   * Adds a node with several outputs (an empty name leaves an optional output out) and returns
   * their names.
   */
  List<String> nodes(String op, String name, String formula, List<String> inputs,
      List<String> outputs, AttributeProto... attributes) {
    for (String o : outputs) {
      if (!o.isEmpty()) {
        claim(o);
      }
    }
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name)
        .setDocString(formula).addAllInput(inputs).addAllOutput(outputs);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return outputs;
  }

  private void claim(String value) {
    if (!values.add(value)) {
      throw new IllegalArgumentException("two values of the ONNX graph would be called '" + value
          + "'; give every layer of the model its own name");
    }
  }

  /** Returns an integer attribute, such as Softmax's {@code axis}. */
  static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT)
        .setI(value).build();
  }

  /** Returns an attribute holding a list of integers, such as MaxPool's {@code pads}. */
  static AttributeProto intsAttribute(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  /** Returns a float32 attribute, such as BatchNormalization's {@code epsilon}. */
  static AttributeProto floatAttribute(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
        .setF(value).build();
  }

  /**
   * Declares the graph's input {@code name}, a matrix of the graph's dtype whose sample axis {@code
   * sampleAxis} has the symbolic size {@code samples} and whose other axis has {@code features}.
   */
  void input(String name, int sampleAxis, String samples, int features, String doc) {
    claim(name);
    graph.addInput(matrix(name, sampleAxis, samples, features, doc, elementType()));
  }

  /** Declares the graph's output, shaped as {@link #input} describes. */
  void output(String name, int sampleAxis, String samples, int features, String doc) {
    graph.addOutput(matrix(name, sampleAxis, samples, features, doc, elementType()));
  }

  private static ValueInfoProto matrix(String name, int sampleAxis, String samples, int features,
      String doc, int elementType) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int axis = 0; axis < 2; axis++) {
      shape.addDim(axis == sampleAxis
          ? TensorShapeProto.Dimension.newBuilder().setDimParam(samples)
          : TensorShapeProto.Dimension.newBuilder().setDimValue(features));
    }
    TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
        .setElemType(elementType).setShape(shape)).build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).setDocString(doc).build();
  }

  /** Returns the finished graph. */
  GraphProto build() {
    return graph.build();
  }
}
