package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.keys.ValueComparator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The physical layouts of fixed-width Quiver types, with SQL comparison and copying of single values
 * between data buffers: what min/max and first/last need per layout, decided once per vector.
 */
enum FixedLayout {
  INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOL, DEC128;

  static FixedLayout of(BaseFixedWidthVector v) {
    if (v instanceof IntVector || v instanceof DateDayVector) {
      return INT32;
    }
    if (v instanceof BigIntVector || v instanceof TimeStampVector) {
      return INT64;
    }
    if (v instanceof Float8Vector) {
      return FLOAT64;
    }
    if (v instanceof Float4Vector) {
      return FLOAT32;
    }
    if (v instanceof SmallIntVector) {
      return INT16;
    }
    if (v instanceof TinyIntVector) {
      return INT8;
    }
    if (v instanceof BitVector) {
      return BOOL;
    }
    if (v instanceof DecimalVector) {
      return DEC128;
    }
    throw new IllegalStateException("No fixed-width layout for " + v.getField());
  }

  /** SQL order of value {@code i} of {@code a} against value {@code j} of {@code b}. */
  int compare(ArrowBuf a, int i, ArrowBuf b, int j) {
    switch (this) {
      case INT8:
        return Byte.compare(a.getByte(i), b.getByte(j));
      case INT16:
        return Short.compare(a.getShort((long) i * 2), b.getShort((long) j * 2));
      case INT32:
        return Integer.compare(a.getInt((long) i * 4), b.getInt((long) j * 4));
      case INT64:
        return Long.compare(a.getLong((long) i * 8), b.getLong((long) j * 8));
      case FLOAT32:
        return ValueComparator.compareDoubles(a.getFloat((long) i * 4), b.getFloat((long) j * 4));
      case FLOAT64:
        return ValueComparator.compareDoubles(a.getDouble((long) i * 8), b.getDouble((long) j * 8));
      case BOOL:
        return Integer.compare(BitVectorHelper.get(a, i), BitVectorHelper.get(b, j));
      default:
        long ah = a.getLong((long) i * 16 + 8);
        long bh = b.getLong((long) j * 16 + 8);
        if (ah != bh) {
          return Long.compare(ah, bh);
        }
        return Long.compareUnsigned(a.getLong((long) i * 16), b.getLong((long) j * 16));
    }
  }

  /** Copies the data of value {@code i} of {@code from} to slot {@code j} of {@code to} (not the validity). */
  void copy(ArrowBuf from, int i, ArrowBuf to, int j) {
    switch (this) {
      case INT8:
        to.setByte(j, from.getByte(i));
        break;
      case INT16:
        to.setShort((long) j * 2, from.getShort((long) i * 2));
        break;
      case INT32:
      case FLOAT32:
        to.setInt((long) j * 4, from.getInt((long) i * 4));
        break;
      case INT64:
      case FLOAT64:
        to.setLong((long) j * 8, from.getLong((long) i * 8));
        break;
      case BOOL:
        if (BitVectorHelper.get(from, i) != 0) {
          BitVectorHelper.setBit(to, j);
        } else {
          BitVectorHelper.unsetBit(to, j);
        }
        break;
      default:
        to.setLong((long) j * 16, from.getLong((long) i * 16));
        to.setLong((long) j * 16 + 8, from.getLong((long) i * 16 + 8));
        break;
    }
  }
}
