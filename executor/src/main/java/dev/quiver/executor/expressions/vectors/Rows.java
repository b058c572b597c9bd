package dev.quiver.executor.expressions.vectors;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.NullType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Moving rows between vectors: {@link #gather} picks rows into a compact vector (to evaluate a lazy
 * expression on only the rows that need it), {@link #assemble} builds a result whose every row comes from
 * one of several source vectors (CASE branches, COALESCE arguments). Fixed-width and string vectors are
 * copied with raw memory moves; nested vectors fall back to Arrow's per-row copy.
 */
public final class Rows {
  private Rows() {}

  /** A new vector holding rows {@code idx[0..k)} of {@code src}, in that order. */
  public static FieldVector gather(FieldVector src, int[] idx, int k, BufferAllocator allocator) {
    if (src instanceof NullVector) {
      return new NullVector(src.getField(), k);
    }
    FieldVector dst = Vectors.emptyLike(src, allocator);
    try {
      long srcValid = Bits.validityAddress(src);
      if (src instanceof BitVector b) {
        BitVector out = (BitVector) dst;
        out.allocateNew(Math.max(k, 1));
        long dv = out.getValidityBufferAddress();
        long dd = out.getDataBufferAddress();
        long sd = b.getDataBufferAddress();
        for (int j = 0; j < k; j++) {
          int i = idx[j];
          if (Bits.get(srcValid, i)) {
            Bits.set(dv, j);
            if (Bits.get(sd, i)) {
              Bits.set(dd, j);
            }
          }
        }
      } else if (src instanceof BaseFixedWidthVector f) {
        BaseFixedWidthVector out = (BaseFixedWidthVector) dst;
        out.allocateNew(Math.max(k, 1));
        int width = f.getTypeWidth();
        long sd = f.getDataBufferAddress();
        long dd = out.getDataBufferAddress();
        long dv = out.getValidityBufferAddress();
        for (int j = 0; j < k; j++) {
          int i = idx[j];
          if (Bits.get(srcValid, i)) {
            Bits.set(dv, j);
          }
          copyFixed(sd + (long) i * width, dd + (long) j * width, width);
        }
      } else if (src instanceof BaseVariableWidthVector w) {
        long off = w.getOffsetBufferAddress();
        long sd = w.getDataBufferAddress();
        long total = 0;
        for (int j = 0; j < k; j++) {
          int i = idx[j];
          total += Utf8.end(off, i) - Utf8.start(off, i);
        }
        VarWidthBuilder out = new VarWidthBuilder((BaseVariableWidthVector) dst, k, total);
        for (int j = 0; j < k; j++) {
          int i = idx[j];
          if (Bits.get(srcValid, i)) {
            int s = Utf8.start(off, i);
            out.append(j, sd + s, Utf8.end(off, i) - s);
          } else {
            out.appendNull(j);
          }
        }
        out.finish(k);
        return dst;
      } else {
        dst.setInitialCapacity(Math.max(k, 1));
        dst.allocateNew();
        for (int j = 0; j < k; j++) {
          dst.copyFromSafe(idx[j], j, src);
        }
      }
      dst.setValueCount(k);
      return dst;
    } catch (RuntimeException | Error e) {
      dst.close();
      throw e;
    }
  }

  private static void copyFixed(long from, long to, int width) {
    switch (width) {
      case 1 -> MemoryUtil.putByte(to, MemoryUtil.getByte(from));
      case 2 -> MemoryUtil.putShort(to, MemoryUtil.getShort(from));
      case 4 -> MemoryUtil.putInt(to, MemoryUtil.getInt(from));
      case 8 -> MemoryUtil.putLong(to, MemoryUtil.getLong(from));
      case 16 -> {
        MemoryUtil.putLong(to, MemoryUtil.getLong(from));
        MemoryUtil.putLong(to + 8, MemoryUtil.getLong(from + 8));
      }
      default -> MemoryUtil.copyMemory(from, to, width);
    }
  }

  /**
   * A new vector of {@code type} and {@code n} rows where row i is row {@code srcRow[i]} of
   * {@code sources[srcId[i]]}, or null when {@code srcId[i] < 0}.
   */
  public static FieldVector assemble(DataType type, FieldVector[] sources, int[] srcId, int[] srcRow, int n,
      BufferAllocator allocator) {
    if (type instanceof NullType) {
      return new NullVector(Results.NAME, n);
    }
    int m = sources.length;
    long[] valid = new long[m];
    for (int s = 0; s < m; s++) {
      valid[s] = Bits.validityAddress(sources[s]);
    }
    FieldVector out = Results.allocate(type, n, allocator);
    try {
      if (out instanceof BitVector bits) {
        long[] data = new long[m];
        for (int s = 0; s < m; s++) {
          data[s] = sources[s] instanceof BitVector b ? b.getDataBufferAddress() : 0;
        }
        long dv = bits.getValidityBufferAddress();
        long dd = bits.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          int s = srcId[i];
          if (s >= 0 && valid[s] != 0 && Bits.get(valid[s], srcRow[i])) {
            Bits.set(dv, i);
            if (Bits.get(data[s], srcRow[i])) {
              Bits.set(dd, i);
            }
          }
        }
      } else if (out instanceof BaseFixedWidthVector f) {
        int width = f.getTypeWidth();
        long[] data = new long[m];
        for (int s = 0; s < m; s++) {
          data[s] = sources[s] instanceof BaseFixedWidthVector b ? b.getDataBufferAddress() : 0;
        }
        long dv = f.getValidityBufferAddress();
        long dd = f.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          int s = srcId[i];
          if (s >= 0 && valid[s] != 0 && Bits.get(valid[s], srcRow[i])) {
            Bits.set(dv, i);
            copyFixed(data[s] + (long) srcRow[i] * width, dd + (long) i * width, width);
          }
        }
      } else if (out instanceof BaseVariableWidthVector w) {
        long[] data = new long[m];
        long[] offs = new long[m];
        long total = 0;
        for (int s = 0; s < m; s++) {
          if (sources[s] instanceof BaseVariableWidthVector b) {
            data[s] = b.getDataBufferAddress();
            offs[s] = b.getOffsetBufferAddress();
            total += b.getDataBuffer().writerIndex();
          }
        }
        VarWidthBuilder b = new VarWidthBuilder(w, n, total);
        for (int i = 0; i < n; i++) {
          int s = srcId[i];
          if (s >= 0 && valid[s] != 0 && Bits.get(valid[s], srcRow[i])) {
            int r = srcRow[i];
            int start = Utf8.start(offs[s], r);
            b.append(i, data[s] + start, Utf8.end(offs[s], r) - start);
          } else {
            b.appendNull(i);
          }
        }
        b.finish(n);
        return out;
      } else {
        for (int i = 0; i < n; i++) {
          int s = srcId[i];
          if (s >= 0 && !(sources[s] instanceof NullVector)) {
            out.copyFromSafe(srcRow[i], i, sources[s]);
          }
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }
}
