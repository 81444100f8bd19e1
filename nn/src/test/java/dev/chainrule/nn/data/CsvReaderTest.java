package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void lastColumnIsTheLabelByDefault() throws IOException {
    Dataset d = CsvReader.create().read(write("iris.csv", "5.1,3.5,0\n6.2, 2.9 ,2\n\n4.9,3.0,1\n"));
    assertEquals("iris", d.name());
    assertEquals(3, d.size());
    assertEquals(2, d.featureCount());
    assertEquals(3, d.classCount());
    assertArrayEquals(new double[] {5.1, 3.5, 6.2, 2.9, 4.9, 3.0}, d.features().toArray());
    assertArrayEquals(new int[] {0, 2, 1}, d.labels());
  }

  @Test
  void labelColumnByNameWithHeaderAndQuotes() throws IOException {
    Path f = write("h.csv", "\uFEFF\"y\",a,b\n1,10,20\n0,\"11\",21\n");
    Dataset d = CsvReader.create().withHeader(true).withLabelColumn("y").withClassCount(4)
        .read(f);
    assertArrayEquals(new int[] {1, 0}, d.labels());
    assertArrayEquals(new double[] {10, 20, 11, 21}, d.features().toArray());
    assertEquals(4, d.classCount());
    assertEquals(d.labels()[0], CsvReader.create().withHeader(true).withLabelColumn(0).read(f)
        .labels()[0]);
  }

  @Test
  void targetColumnsMakeARegressionSet() throws IOException {
    Path f = write("r.tsv", "x1;t1;x2;t2\n1;-0.5;2;1e3\n3;0.25;4;-7\n");
    Dataset d = CsvReader.create().withHeader(true).withDelimiter(';')
        .withTargetColumns("t1", "t2").read(f);
    assertFalse(d.hasLabels());
    assertArrayEquals(new double[] {1, 2, 3, 4}, d.features().toArray());
    assertArrayEquals(new double[] {-0.5, 1000, 0.25, -7}, d.targets().toArray());
    Dataset byIndex = CsvReader.create().withHeader(true).withDelimiter(';')
        .withTargetColumns(3).read(f);
    assertArrayEquals(new double[] {1, -0.5, 2, 3, 0.25, 4}, byIndex.features().toArray());
    assertArrayEquals(new double[] {1000, -7}, byIndex.targets().toArray());
  }

  @Test
  void nonNumericCellNamesFileLineAndColumn() throws IOException {
    Path f = write("bad.csv", "a,b,label\n1,2,0\n3,abc,1\n");
    DataFileException e = assertThrows(DataFileException.class,
        () -> CsvReader.create().withHeader(true).read(f));
    String m = e.getMessage();
    assertTrue(m.startsWith(f.toString()), m);
    assertTrue(m.contains("line 3, column 2 ('b')"), m);
    assertTrue(m.contains("'abc'"), m);
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(write("nan.csv", "1,NaN,0\n")));
    assertTrue(e.getMessage().contains("line 1, column 2"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(write("f.csv", "1,2f,0\n")));
    assertTrue(e.getMessage().contains("'2f'"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(write("empty.csv", "1,,0\n")));
    assertTrue(e.getMessage().contains("line 1, column 2 is empty"), e.getMessage());
  }

  @Test
  void raggedRowNamesBothLines() throws IOException {
    Path f = write("ragged.csv", "1,2,0\n3,4,1\n5,1\n");
    DataFileException e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(f));
    assertTrue(e.getMessage().contains("line 3 has 2 cells but line 1 has 3"), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }

  @Test
  void badLabelsAreReported() throws IOException {
    DataFileException e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(write("l.csv", "1,0\n2,1.5\n")));
    assertTrue(e.getMessage().contains("line 2, column 2 holds the label 1.5"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().withClassCount(2).read(write("k.csv", "1,0\n2,2\n")));
    assertTrue(e.getMessage().contains("label 2, which is not a class index in 0..1"),
        e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().read(write("n.csv", "1,-1\n")));
    assertTrue(e.getMessage().contains("label -1"), e.getMessage());
  }

  @Test
  void missingColumnsAndEmptyFiles() throws IOException {
    DataFileException e = assertThrows(DataFileException.class, () -> CsvReader.create()
        .withHeader(true).withLabelColumn("class").read(write("h.csv", "a,b\n1,2\n")));
    assertTrue(e.getMessage().contains("no column named 'class'"), e.getMessage());
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
    e = assertThrows(DataFileException.class, () -> CsvReader.create().withLabelColumn(5)
        .read(write("i.csv", "1,2\n")));
    assertTrue(e.getMessage().contains("column index 5"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> CsvReader.create().withHeader(true).read(write("e.csv", "a,b\n\n")));
    assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> CsvReader.create().withLabelColumn("a")
        .read(write("nh.csv", "1,2\n")));
  }
}
