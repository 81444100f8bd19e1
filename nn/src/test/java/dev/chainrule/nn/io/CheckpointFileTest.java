package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint layout, files of format version 1, and the errors of a checkpoint that does not
 * fit the trainer it is loaded into.
 */
class CheckpointFileTest {
  @TempDir
  Path dir;

  private static Sequential one() {
    return Sequential.of(List.of(new Dense(1, Layout.COLUMN, Activation.sigmoid(),
        Tensor.matrix(new double[] {0.15, 0.2}), Tensor.column(0.35))));
  }

  private static Sequential net(int hidden) {
    return Sequential.builder(Layout.COLUMN, 2).dense(hidden, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(1).build();
  }

  /**
   * The documented version-3 layout, assembled byte by byte: the header gains the optimizer and
   * training objects, and the velocity blocks follow the parameter blocks in parameter order.
   */
  @Test
  void bytesFollowTheDocumentedFormat() throws IOException {
    Trainer t = new Trainer(one(), Loss.l2(), new Momentum(0.5, 0.9));
    t.optimizerState().restoreInPlace(new OptimizerSnapshot("momentum",
        Map.of("lr", 0.5, "mu", 0.9), 7, Map.of(), Map.of("velocity",
            List.of(Tensor.matrix(new double[] {1.5, -2}), Tensor.column(0.25)))));
    t.setEpochsCompleted(3);
    Path f = dir.resolve("one.crm");
    Checkpoint.save(t, f);
    String header = "{\"format\":\"chainrule-model\",\"dtype\":\"float64\","
        + "\"model\":{\"kind\":\"sequential\","
        + "\"layout\":\"column\",\"inputs\":2,\"layers\":[{\"kind\":\"dense\",\"units\":1,"
        + "\"activation\":\"sigmoid\"}]},\"parameters\":[{\"name\":\"W[1]\",\"shape\":[1,2]},"
        + "{\"name\":\"b[1]\",\"shape\":[1,1]}],\"optimizer\":{\"kind\":\"momentum\","
        + "\"settings\":{\"lr\":0.5,\"mu\":0.9},\"steps\":7,\"scalars\":{},"
        + "\"slots\":[\"velocity\"]},\"training\":{\"epochs\":3}}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(16 + 8 + json.length + 48 + 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("chainrule-model\n".getBytes(StandardCharsets.US_ASCII)).putInt(3).putInt(json.length)
        .put(json).putDouble(0.15).putDouble(0.2).putDouble(0.35)
        .putDouble(1.5).putDouble(-2).putDouble(0.25);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    assertArrayEquals(b.array(), Files.readAllBytes(f));
  }

  /**
   * A file written by the version-1 writer (before checkpoints; committed as a test resource):
   * seed 001's 2-2-2 network, whose numbers are the seed's.
   */
  @Test
  void readsFilesOfVersionOne() throws IOException {
    Path f = dir.resolve("mazur-v1.crm");
    try (InputStream in = getClass().getResourceAsStream("/io/mazur-v1.crm")) {
      Files.copy(in, f);
    }
    assertEquals(1, Files.readAllBytes(f)[16]);
    Sequential s = ModelFile.load(f);
    assertEquals("2-2-2", s.architecture().orElseThrow().widths());
    assertEquals(List.of(
        new Parameter("W[1]", Tensor.matrix(new double[] {0.15, 0.20}, new double[] {0.25, 0.30})),
        new Parameter("b[1]", Tensor.column(0.35, 0.35)),
        new Parameter("W[2]", Tensor.matrix(new double[] {0.40, 0.45}, new double[] {0.50, 0.55})),
        new Parameter("b[2]", Tensor.column(0.60, 0.60))), s.parameters());
    Trainer t = new Trainer(s, Loss.halfSumOfSquares(), new Sgd(0.5));
    String m = assertThrows(ModelFileException.class, () -> Checkpoint.loadInto(t, f))
        .getMessage();
    assertTrue(m.startsWith(f + ": holds a model but no training state"), m);
    assertTrue(m.contains("ModelFile.loadInto"), m);
  }

  @Test
  void aCheckpointIsAlsoAModelFile() throws IOException {
    Trainer t = new Trainer(one(), Loss.l2(), Adam.of(0.01));
    Path f = dir.resolve("c.crm");
    Checkpoint.save(t, f);
    assertEquals(one().parameters(), ModelFile.load(f).parameters());
  }

  private static long[] bits(Trainer t) {
    return t.model().parameters().stream()
        .flatMapToDouble(p -> java.util.Arrays.stream(p.value().buffer()))
        .mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @Test
  void anotherOptimizerIsRefusedNamingBothAndNothingIsModified() throws IOException {
    Trainer adam = new Trainer(net(4), Loss.l2(), new Adam(0.01, 0.9, 0.999, 1e-8));
    Path f = dir.resolve("adam.crm");
    Checkpoint.save(adam, f);
    Trainer momentum = new Trainer(net(4), Loss.l2(), new Momentum(0.1, 0.9));
    for (Parameter p : momentum.model().parameters()) {
      p.value().fillInPlace(0.5);
    }
    momentum.setEpochsCompleted(2);
    long[] before = bits(momentum);
    String m = assertThrows(ModelFileException.class, () -> Checkpoint.loadInto(momentum, f))
        .getMessage();
    assertTrue(m.contains("adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1.0E-8)")
        && m.contains("momentum(lr=0.1, mu=0.9)"), m);
    assertArrayEquals(before, bits(momentum));
    assertEquals(2, momentum.epochsCompleted());

    Trainer otherBeta = new Trainer(net(4), Loss.l2(), new Adam(0.01, 0.8, 0.999, 1e-8));
    String b = assertThrows(ModelFileException.class, () -> Checkpoint.loadInto(otherBeta, f))
        .getMessage();
    assertTrue(b.contains("beta1=0.8") && b.contains("beta1=0.9"), b);

    Trainer otherRate = new Trainer(net(4), Loss.l2(), new Adam(0.001, 0.9, 0.999, 1e-8));
    Checkpoint.loadInto(otherRate, f);
  }

  @Test
  void otherParameterShapesAreRefusedNamingBoth() throws IOException {
    Path f = dir.resolve("wide.crm");
    Checkpoint.save(new Trainer(net(8), Loss.l2(), Momentum.of(0.1)), f);
    Trainer narrow = new Trainer(net(6), Loss.l2(), Momentum.of(0.1));
    String m = assertThrows(ModelFileException.class, () -> Checkpoint.loadInto(narrow, f))
        .getMessage();
    assertTrue(m.contains("holds a 2-8-1 (column, tanh, sigmoid) model but the model to load into "
        + "is 2-6-1 (column, tanh, sigmoid)"), m);
  }

  @Test
  void aTruncatedCheckpointCountsTheOptimizerBuffers() throws IOException {
    Path f = dir.resolve("t.crm");
    Checkpoint.save(new Trainer(one(), Loss.l2(), Adam.of(0.1)), f);
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 8));
    String m = assertThrows(ModelFileException.class,
        () -> Checkpoint.loadInto(new Trainer(one(), Loss.l2(), Adam.of(0.1)), f)).getMessage();
    assertTrue(m.contains("truncated: the header's 2 parameters with 2 optimizer buffers each (9 "
        + "float64 values) make " + bytes.length + " bytes, but the file has "
        + (bytes.length - 8)), m);
  }
}
