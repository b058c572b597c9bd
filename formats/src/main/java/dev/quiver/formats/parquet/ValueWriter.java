package dev.quiver.formats.parquet;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one non-null value of an Arrow vector to Parquet's RecordConsumer, reading the vector's buffers
 * directly (no boxing, no per-value byte arrays). Nested writers emit the standard three-level LIST
 * ({@code list}/{@code element}) and MAP ({@code key_value}/{@code key}/{@code value}) groups that
 * {@link ParquetSchemaConverter} declares.
 */
abstract class ValueWriter {
  abstract void write(RecordConsumer rc, int row);

  /** The writer of {@code type} values stored in {@code v}; {@code name} is used in error messages. */
  static ValueWriter of(String name, DataType type, FieldVector v) {
    if (type instanceof BooleanType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addBoolean(BitVectorHelper.get(data, row) != 0);
        }
      };
    }
    if (type instanceof ByteType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addInteger(data.getByte(row));
        }
      };
    }
    if (type instanceof ShortType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addInteger(data.getShort((long) row * 2));
        }
      };
    }
    if (type instanceof IntegerType || type instanceof DateType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addInteger(data.getInt((long) row * 4));
        }
      };
    }
    if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addLong(data.getLong((long) row * 8));
        }
      };
    }
    if (type instanceof FloatType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addFloat(data.getFloat((long) row * 4));
        }
      };
    }
    if (type instanceof DoubleType) {
      ArrowBuf data = v.getDataBuffer();
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addDouble(data.getDouble((long) row * 8));
        }
      };
    }
    if (type instanceof StringType || type instanceof BinaryType) {
      return new BytesWriter((BaseVariableWidthVector) v);
    }
    if (type instanceof DecimalType d) {
      return decimal(d, v.getDataBuffer());
    }
    if (type instanceof ArrayType a) {
      ListVector list = (ListVector) v;
      return new ListWriter(list, of(name, a.elementType(), list.getDataVector()), "list", "element");
    }
    if (type instanceof MapType m) {
      ListVector map = (ListVector) v;
      StructVector entries = (StructVector) map.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      return new MapWriter(name, map, keys, values, of(name, m.keyType(), keys), of(name, m.valueType(), values));
    }
    if (type instanceof StructType s) {
      StructVector sv = (StructVector) v;
      List<StructField> fields = s.fieldList();
      FieldVector[] children = new FieldVector[fields.size()];
      ValueWriter[] writers = new ValueWriter[fields.size()];
      for (int i = 0; i < children.length; i++) {
        children[i] = (FieldVector) sv.getChildByOrdinal(i);
        writers[i] = of(name + "." + fields.get(i).name(), fields.get(i).dataType(), children[i]);
      }
      return new GroupWriter(fields, children, writers);
    }
    throw new QuiverException("Cannot write column '" + name + "' of type " + type.simpleString() + " to Parquet.");
  }

  private static ValueWriter decimal(DecimalType d, ArrowBuf data) {
    if (d.precision() <= 9) {
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          // The unscaled value fits an int, so the low 4 bytes of the 16 are the value.
          rc.addInteger(data.getInt((long) row * 16));
        }
      };
    }
    if (d.precision() <= 18) {
      return new ValueWriter() {
        @Override
        void write(RecordConsumer rc, int row) {
          rc.addLong(data.getLong((long) row * 16));
        }
      };
    }
    int width = ParquetSchemaConverter.minBytesForPrecision(d.precision());
    byte[] scratch = new byte[width];
    return new ValueWriter() {
      @Override
      void write(RecordConsumer rc, int row) {
        // Arrow stores 16 little-endian bytes; Parquet wants the low `width` bytes big-endian.
        long at = (long) row * 16;
        for (int i = 0; i < width; i++) {
          scratch[width - 1 - i] = data.getByte(at + i);
        }
        rc.addBinary(Binary.fromReusedByteArray(scratch, 0, width));
      }
    };
  }

  /** Strings and binary: the bytes are copied into a reused array (parquet-mr copies what it keeps). */
  private static final class BytesWriter extends ValueWriter {
    private final ArrowBuf offsets;
    private final ArrowBuf data;
    private byte[] scratch = new byte[64];

    BytesWriter(BaseVariableWidthVector v) {
      this.offsets = v.getOffsetBuffer();
      this.data = v.getDataBuffer();
    }

    @Override
    void write(RecordConsumer rc, int row) {
      int start = offsets.getInt((long) row * 4);
      int len = offsets.getInt((long) row * 4 + 4) - start;
      if (scratch.length < len) {
        scratch = new byte[Math.max(len, scratch.length * 2)];
      }
      data.getBytes(start, scratch, 0, len);
      rc.addBinary(Binary.fromReusedByteArray(scratch, 0, len));
    }
  }

  private static final class ListWriter extends ValueWriter {
    private final ListVector list;
    private final ValueWriter element;
    private final String repeatedName;
    private final String elementName;

    ListWriter(ListVector list, ValueWriter element, String repeatedName, String elementName) {
      this.list = list;
      this.element = element;
      this.repeatedName = repeatedName;
      this.elementName = elementName;
    }

    @Override
    void write(RecordConsumer rc, int row) {
      ArrowBuf offsets = list.getOffsetBuffer();
      int start = offsets.getInt((long) row * 4);
      int end = offsets.getInt((long) row * 4 + 4);
      FieldVector elements = list.getDataVector();
      rc.startGroup();
      if (end > start) {
        rc.startField(repeatedName, 0);
        for (int i = start; i < end; i++) {
          rc.startGroup();
          if (!elements.isNull(i)) {
            rc.startField(elementName, 0);
            element.write(rc, i);
            rc.endField(elementName, 0);
          }
          rc.endGroup();
        }
        rc.endField(repeatedName, 0);
      }
      rc.endGroup();
    }
  }

  private static final class MapWriter extends ValueWriter {
    private final String name;
    private final ListVector map;
    private final FieldVector keys;
    private final FieldVector values;
    private final ValueWriter key;
    private final ValueWriter value;

    MapWriter(String name, ListVector map, FieldVector keys, FieldVector values, ValueWriter key, ValueWriter value) {
      this.name = name;
      this.map = map;
      this.keys = keys;
      this.values = values;
      this.key = key;
      this.value = value;
    }

    @Override
    void write(RecordConsumer rc, int row) {
      ArrowBuf offsets = map.getOffsetBuffer();
      int start = offsets.getInt((long) row * 4);
      int end = offsets.getInt((long) row * 4 + 4);
      rc.startGroup();
      if (end > start) {
        rc.startField("key_value", 0);
        for (int i = start; i < end; i++) {
          if (keys.isNull(i)) {
            throw new QuiverException("NULL_MAP_KEY", "Cannot use null as map key (column '" + name + "').",
                "2200E", null);
          }
          rc.startGroup();
          rc.startField("key", 0);
          key.write(rc, i);
          rc.endField("key", 0);
          if (!values.isNull(i)) {
            rc.startField("value", 1);
            value.write(rc, i);
            rc.endField("value", 1);
          }
          rc.endGroup();
        }
        rc.endField("key_value", 0);
      }
      rc.endGroup();
    }
  }

  /** A struct value, and (through {@link ArrowWriteSupport}) a whole row. */
  static final class GroupWriter extends ValueWriter {
    private final String[] names;
    private final boolean[] nullable;
    private final FieldVector[] children;
    private final ValueWriter[] writers;

    GroupWriter(List<StructField> fields, FieldVector[] children, ValueWriter[] writers) {
      this.names = new String[fields.size()];
      this.nullable = new boolean[fields.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = fields.get(i).name();
        nullable[i] = fields.get(i).nullable();
      }
      this.children = children;
      this.writers = writers;
    }

    @Override
    void write(RecordConsumer rc, int row) {
      rc.startGroup();
      writeFields(rc, row);
      rc.endGroup();
    }

    void writeFields(RecordConsumer rc, int row) {
      for (int i = 0; i < children.length; i++) {
        if (children[i].isNull(row)) {
          if (!nullable[i]) {
            throw new QuiverException("Column '" + names[i] + "' is declared NOT NULL but has a null value; "
                + "declare it nullable or filter out the nulls before writing.");
          }
          continue;
        }
        rc.startField(names[i], i);
        writers[i].write(rc, row);
        rc.endField(names[i], i);
      }
    }
  }
}
