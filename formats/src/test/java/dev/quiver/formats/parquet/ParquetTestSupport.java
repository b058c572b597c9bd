package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared test plumbing: a leak-checking allocator per test, and conversions between plain Java values and
 * Arrow batches. Values: Boolean, Byte, Short, Integer (also dates as days), Long (also timestamps as
 * micros), Float, Double, String, byte[] (read back as hex "0x.."), BigDecimal, List (arrays), Map, and
 * Object[] or List for structs (read back as List).
 */
abstract class ParquetTestSupport {
  protected final ParquetFormat format = new ParquetFormat();
  protected BufferAllocator allocator;
  @TempDir
  protected Path dir;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator(Long.MAX_VALUE);
  }

  @AfterEach
  void closeAllocator() {
    // Throws IllegalStateException naming the leak if any buffer is still allocated.
    allocator.close();
  }

  protected String path(String name) {
    return dir.resolve(name).toString();
  }

  protected VectorSchemaRoot batch(StructType schema, List<Object[]> rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(schema), allocator);
    root.allocateNew();
    for (int c = 0; c < schema.length(); c++) {
      FieldVector v = root.getVector(c);
      for (int r = 0; r < rows.size(); r++) {
        set(v, schema.apply(c).dataType(), r, rows.get(r)[c]);
      }
      v.setValueCount(rows.size());
    }
    root.setRowCount(rows.size());
    return root;
  }

  protected void write(String path, StructType schema, List<Object[]> rows, FormatOptions options) {
    try (BatchWriter w = format.create(path, schema, options, allocator)) {
      if (!rows.isEmpty()) {
        try (VectorSchemaRoot b = batch(schema, rows)) {
          w.write(b);
        }
      }
    }
  }

  protected void write(String path, StructType schema, List<Object[]> rows) {
    write(path, schema, rows, FormatOptions.empty());
  }

  protected FileInfo info(String path) {
    return new FileInfo(path, new File(path).length(), 0, Map.of());
  }

  protected FileSplit whole(String path) {
    return FileSplit.whole(path, new File(path).length());
  }

  /** All rows of a split as lists of Java values. */
  protected List<List<Object>> read(FileSplit split, StructType data, StructType required, List<SourceFilter> filters,
      FormatOptions options, int batchSize) {
    List<List<Object>> out = new ArrayList<>();
    try (BatchReader r = format.open(split, data, required, filters, options, allocator, batchSize)) {
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          assertNotNull(batch);
          if (batch.getRowCount() > batchSize) {
            throw new AssertionError("batch of " + batch.getRowCount() + " rows > " + batchSize);
          }
          out.addAll(rows(batch));
        }
      }
    }
    return out;
  }

  protected List<List<Object>> read(String path, StructType required) {
    StructType data = format.inferSchema(List.of(info(path)), FormatOptions.empty());
    return read(whole(path), data, required, List.of(), FormatOptions.empty(), 1000);
  }

  protected static List<List<Object>> rows(VectorSchemaRoot batch) {
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < batch.getRowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (FieldVector v : batch.getFieldVectors()) {
        row.add(get(v, r));
      }
      out.add(row);
    }
    return out;
  }

  protected static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The rows of {@code data} that {@code p} keeps, in order, as {@link #rows} returns a batch's. */
  protected static List<List<Object>> matching(List<Object[]> data, java.util.function.Predicate<Object[]> p) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : data) {
      if (p.test(r)) {
        out.add(row(r));
      }
    }
    return out;
  }

  static Object get(ValueVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof BitVector b) {
      return b.get(i) != 0;
    }
    if (v instanceof TinyIntVector t) {
      return t.get(i);
    }
    if (v instanceof SmallIntVector s) {
      return s.get(i);
    }
    if (v instanceof IntVector n) {
      return n.get(i);
    }
    if (v instanceof DateDayVector d) {
      return d.get(i);
    }
    if (v instanceof BigIntVector l) {
      return l.get(i);
    }
    if (v instanceof TimeStampVector t) {
      return t.get(i);
    }
    if (v instanceof Float4Vector f) {
      return f.get(i);
    }
    if (v instanceof Float8Vector d) {
      return d.get(i);
    }
    if (v instanceof VarCharVector s) {
      return new String(s.get(i), StandardCharsets.UTF_8);
    }
    if (v instanceof VarBinaryVector b) {
      return "0x" + HexFormat.of().formatHex(b.get(i));
    }
    if (v instanceof DecimalVector d) {
      return d.getObject(i);
    }
    if (v instanceof MapVector m) {
      StructVector entries = (StructVector) m.getDataVector();
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int j = m.getElementStartIndex(i); j < m.getElementEndIndex(i); j++) {
        out.put(get(entries.getChildByOrdinal(0), j), get(entries.getChildByOrdinal(1), j));
      }
      return out;
    }
    if (v instanceof ListVector l) {
      List<Object> out = new ArrayList<>();
      for (int j = l.getElementStartIndex(i); j < l.getElementEndIndex(i); j++) {
        out.add(get(l.getDataVector(), j));
      }
      return out;
    }
    if (v instanceof StructVector s) {
      List<Object> out = new ArrayList<>();
      for (int c = 0; c < s.size(); c++) {
        out.add(get(s.getChildByOrdinal(c), i));
      }
      return out;
    }
    throw new AssertionError("no test reader for " + v.getClass());
  }

  @SuppressWarnings("unchecked")
  static void set(FieldVector v, DataType type, int i, Object value) {
    if (value == null) {
      if (v instanceof StructVector s) {
        s.setNull(i);
      } else if (v instanceof ListVector l) {
        l.setNull(i);
      } else if (v instanceof BaseVariableWidthVector b) {
        b.setNull(i);
      } else {
        while (v.getValueCapacity() <= i) {
          v.reAlloc();
        }
        v.setNull(i);
      }
      return;
    }
    if (v instanceof BitVector b) {
      b.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof TinyIntVector t) {
      t.setSafe(i, (Byte) value);
    } else if (v instanceof SmallIntVector s) {
      s.setSafe(i, (Short) value);
    } else if (v instanceof IntVector n) {
      n.setSafe(i, (Integer) value);
    } else if (v instanceof DateDayVector d) {
      d.setSafe(i, (Integer) value);
    } else if (v instanceof BigIntVector l) {
      l.setSafe(i, (Long) value);
    } else if (v instanceof TimeStampVector t) {
      t.setSafe(i, (Long) value);
    } else if (v instanceof Float4Vector f) {
      f.setSafe(i, (Float) value);
    } else if (v instanceof Float8Vector d) {
      d.setSafe(i, (Double) value);
    } else if (v instanceof VarCharVector s) {
      s.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof VarBinaryVector b) {
      b.setSafe(i, (byte[]) value);
    } else if (v instanceof DecimalVector d) {
      d.setSafe(i, (BigDecimal) value);
    } else if (v instanceof MapVector m) {
      MapType mt = (MapType) type;
      Map<Object, Object> map = (Map<Object, Object>) value;
      StructVector entries = (StructVector) m.getDataVector();
      int start = m.startNewValue(i);
      int j = start;
      for (Map.Entry<Object, Object> e : map.entrySet()) {
        entries.setIndexDefined(j);
        set((FieldVector) entries.getChildByOrdinal(0), mt.keyType(), j, e.getKey());
        set((FieldVector) entries.getChildByOrdinal(1), mt.valueType(), j, e.getValue());
        j++;
      }
      m.endValue(i, map.size());
      entries.setValueCount(j);
    } else if (v instanceof ListVector l) {
      ArrayType at = (ArrayType) type;
      List<Object> list = (List<Object>) value;
      int start = l.startNewValue(i);
      for (int k = 0; k < list.size(); k++) {
        set(l.getDataVector(), at.elementType(), start + k, list.get(k));
      }
      l.endValue(i, list.size());
      l.getDataVector().setValueCount(start + list.size());
    } else if (v instanceof StructVector s) {
      StructType st = (StructType) type;
      Object[] fields = value instanceof List<?> list ? list.toArray() : (Object[]) value;
      s.setIndexDefined(i);
      for (int c = 0; c < st.length(); c++) {
        set((FieldVector) s.getChildByOrdinal(c), st.apply(c).dataType(), i, fields[c]);
      }
    } else {
      throw new AssertionError("no test writer for " + v.getClass());
    }
  }

  protected static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
