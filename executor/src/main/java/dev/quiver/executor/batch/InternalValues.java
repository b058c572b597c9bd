package dev.quiver.executor.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads and writes single values in Quiver's internal form (see
 * {@link dev.quiver.planner.expressions.Literal}) — for literals, local relations and results, never on a
 * per-row hot path of an operator.
 */
public final class InternalValues {
  private InternalValues() {}

  public static Object read(FieldVector v, int i) {
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
    if (v instanceof IntVector x) {
      return x.get(i);
    }
    if (v instanceof BigIntVector x) {
      return x.get(i);
    }
    if (v instanceof Float4Vector x) {
      return x.get(i);
    }
    if (v instanceof Float8Vector x) {
      return x.get(i);
    }
    if (v instanceof VarCharVector x) {
      return new String(x.get(i), StandardCharsets.UTF_8);
    }
    if (v instanceof VarBinaryVector x) {
      return x.get(i);
    }
    if (v instanceof DateDayVector x) {
      return x.get(i);
    }
    if (v instanceof TimeStampMicroTZVector x) {
      return x.get(i);
    }
    if (v instanceof TimeStampMicroVector x) {
      return x.get(i);
    }
    if (v instanceof DecimalVector x) {
      return x.getObject(i);
    }
    if (v instanceof MapVector m) {
      StructVector entries = (StructVector) m.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildrenFromFields().get(0);
      FieldVector values = (FieldVector) entries.getChildrenFromFields().get(1);
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      int start = m.getElementStartIndex(i);
      int end = m.getElementEndIndex(i);
      for (int k = start; k < end; k++) {
        out.put(read(keys, k), read(values, k));
      }
      return out;
    }
    if (v instanceof ListVector l) {
      FieldVector data = l.getDataVector();
      int start = l.getElementStartIndex(i);
      int end = l.getElementEndIndex(i);
      List<Object> out = new ArrayList<>(end - start);
      for (int k = start; k < end; k++) {
        out.add(read(data, k));
      }
      return out;
    }
    if (v instanceof StructVector s) {
      List<Object> out = new ArrayList<>();
      for (FieldVector c : s.getChildrenFromFields()) {
        out.add(read(c, i));
      }
      return out;
    }
    if (v instanceof NullVector) {
      return null;
    }
    throw new IllegalArgumentException("No internal value reader for " + v.getClass().getSimpleName());
  }

  /** Writes {@code value} (internal form, may be null) at {@code i}, growing the vector as needed. */
  public static void write(FieldVector v, int i, Object value) {
    if (value == null) {
      if (v instanceof NullVector) {
        return;
      }
      if (v instanceof StructVector s) {
        s.setNull(i);
        return;
      }
      if (v instanceof ListVector l) {
        while (l.getValueCapacity() <= i) {
          l.reAlloc();
        }
        l.setNull(i);
        return;
      }
      ensureCapacity(v, i);
      setNull(v, i);
      return;
    }
    if (v instanceof BitVector b) {
      b.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof TinyIntVector t) {
      t.setSafe(i, ((Number) value).byteValue());
    } else if (v instanceof SmallIntVector s) {
      s.setSafe(i, ((Number) value).shortValue());
    } else if (v instanceof IntVector x) {
      x.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof BigIntVector x) {
      x.setSafe(i, ((Number) value).longValue());
    } else if (v instanceof Float4Vector x) {
      x.setSafe(i, ((Number) value).floatValue());
    } else if (v instanceof Float8Vector x) {
      x.setSafe(i, ((Number) value).doubleValue());
    } else if (v instanceof VarCharVector x) {
      x.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof VarBinaryVector x) {
      x.setSafe(i, (byte[]) value);
    } else if (v instanceof DateDayVector x) {
      x.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof TimeStampMicroTZVector x) {
      x.setSafe(i, ((Number) value).longValue());
    } else if (v instanceof TimeStampMicroVector x) {
      x.setSafe(i, ((Number) value).longValue());
    } else if (v instanceof DecimalVector x) {
      x.setSafe(i, ((BigDecimal) value).setScale(x.getScale(), RoundingMode.HALF_UP));
    } else if (v instanceof MapVector m) {
      writeMap(m, i, (Map<?, ?>) value);
    } else if (v instanceof ListVector l) {
      writeList(l, i, (List<?>) value);
    } else if (v instanceof StructVector s) {
      List<?> fields = (List<?>) value;
      List<FieldVector> children = s.getChildrenFromFields();
      for (int k = 0; k < children.size(); k++) {
        write(children.get(k), i, fields.get(k));
        children.get(k).setValueCount(Math.max(children.get(k).getValueCount(), i + 1));
      }
      s.setIndexDefined(i);
    } else {
      throw new IllegalArgumentException("No internal value writer for " + v.getClass().getSimpleName());
    }
  }

  private static void writeList(ListVector l, int i, List<?> values) {
    FieldVector data = l.getDataVector();
    int start = l.startNewValue(i);
    for (int k = 0; k < values.size(); k++) {
      write(data, start + k, values.get(k));
    }
    data.setValueCount(start + values.size());
    l.endValue(i, values.size());
  }

  private static void writeMap(MapVector m, int i, Map<?, ?> values) {
    StructVector entries = (StructVector) m.getDataVector();
    FieldVector keys = (FieldVector) entries.getChildrenFromFields().get(0);
    FieldVector vals = (FieldVector) entries.getChildrenFromFields().get(1);
    int start = m.startNewValue(i);
    int k = start;
    for (Map.Entry<?, ?> e : values.entrySet()) {
      write(keys, k, e.getKey());
      write(vals, k, e.getValue());
      entries.setIndexDefined(k);
      k++;
    }
    keys.setValueCount(k);
    vals.setValueCount(k);
    entries.setValueCount(k);
    m.endValue(i, values.size());
  }

  private static void ensureCapacity(FieldVector v, int i) {
    while (v.getValueCapacity() <= i) {
      v.reAlloc();
    }
  }

  private static void setNull(FieldVector v, int i) {
    if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
      f.setNull(i);
    } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector w) {
      w.setNull(i);
    } else {
      throw new IllegalArgumentException("Cannot set null in " + v.getClass().getSimpleName());
    }
  }

}
