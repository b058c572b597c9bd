package dev.quiver.executor.keys;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.planner.expressions.Values;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
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

/**
 * Hashes the key columns of every row of a batch, one column at a time (a tight loop per type), combining
 * column hashes per row. Equal keys of the same types hash equally; -0.0 and 0.0, and all NaNs, hash alike
 * because SQL treats them as equal. Used for hash partitioning, hash aggregation and hash joins.
 */
public final class KeyHasher {
  private static final int NULL_HASH = 0x5bd1e995;

  private KeyHasher() {}

  /** Fills {@code out[0..rowCount)} with the combined hash of {@code keys} per row. */
  public static void hash(List<FieldVector> keys, int rowCount, int[] out) {
    java.util.Arrays.fill(out, 0, rowCount, 17);
    for (FieldVector v : keys) {
      combine(v, rowCount, out);
    }
  }

  private static void combine(FieldVector v, int n, int[] out) {
    // Null checks per row only when the column has nulls (Arrow counts them up to its value count).
    boolean nulls = n > v.getValueCount() || v.getNullCount() > 0;
    if (v instanceof IntVector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : fmix(data.getInt((long) i * 4)));
      }
    } else if (v instanceof BigIntVector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : hashLong(data.getLong((long) i * 8)));
      }
    } else if (v instanceof DateDayVector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : fmix(data.getInt((long) i * 4)));
      }
    } else if (v instanceof TimeStampVector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : hashLong(data.getLong((long) i * 8)));
      }
    } else if (v instanceof Float8Vector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : hashDouble(data.getDouble((long) i * 8)));
      }
    } else if (v instanceof Float4Vector x) {
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : hashDouble(x.get(i)));
      }
    } else if (v instanceof BaseVariableWidthVector x) {
      long offsets = x.getOffsetBufferAddress();
      long data = x.getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (nulls && x.isNull(i)) {
          out[i] = mixRow(out[i], NULL_HASH);
        } else {
          int start = MemoryUtil.getInt(offsets + 4L * i);
          int end = MemoryUtil.getInt(offsets + 4L * i + 4);
          out[i] = mixRow(out[i], hashBytes(data + start, end - start));
        }
      }
    } else if (v instanceof BitVector x) {
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : fmix(x.get(i) + 1));
      }
    } else if (v instanceof SmallIntVector x) {
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : fmix(x.get(i)));
      }
    } else if (v instanceof TinyIntVector x) {
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH : fmix(x.get(i)));
      }
    } else if (v instanceof DecimalVector x) {
      ArrowBuf data = x.getDataBuffer();
      for (int i = 0; i < n; i++) {
        out[i] = mixRow(out[i], nulls && x.isNull(i) ? NULL_HASH
            : hashLong(data.getLong((long) i * 16) * 31 + data.getLong((long) i * 16 + 8)));
      }
    } else {
      // Nested types: rare as keys; hash their internal value by content (binary fields too).
      for (int i = 0; i < n; i++) {
        Object o = InternalValues.read(v, i);
        out[i] = mixRow(out[i], o == null ? NULL_HASH : fmix(Values.hash(o)));
      }
    }
  }

  private static int mixRow(int acc, int h) {
    return acc * 31 + h;
  }

  /** Murmur3's 32-bit finalizer: good avalanche for sequential integers. */
  public static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  public static int hashLong(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    v *= 0xc4ceb9fe1a85ec53L;
    v ^= v >>> 33;
    return (int) v;
  }

  public static int hashDouble(double d) {
    if (d == 0.0) {
      d = 0.0;
    }
    if (Double.isNaN(d)) {
      return 0x7ff80000;
    }
    return hashLong(Double.doubleToLongBits(d));
  }

  /** The hash of the {@code length} bytes at native address {@code address}. */
  public static int hashBytes(long address, int length) {
    long h = 0x9747b28cL ^ length;
    long i = address;
    long end = address + length;
    while (i + 8 <= end) {
      h = (h ^ MemoryUtil.getLong(i)) * 0x5bd1e9955bd1e995L;
      h ^= h >>> 47;
      i += 8;
    }
    while (i < end) {
      h = (h ^ (MemoryUtil.getByte(i) & 0xff)) * 0x5bd1e9955bd1e995L;
      i++;
    }
    return hashLong(h);
  }

  /** Spark's pmod: a non-negative partition index. */
  public static int partition(int hash, int numPartitions) {
    int r = hash % numPartitions;
    return r < 0 ? r + numPartitions : r;
  }
}
