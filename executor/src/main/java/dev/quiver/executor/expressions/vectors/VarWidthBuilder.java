package dev.quiver.executor.expressions.vectors;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Fills a string or binary vector row by row, in row order, writing offsets, validity and bytes directly
 * (no per-row capacity bookkeeping of Arrow's setSafe). Every row from 0 to n-1 must be appended exactly
 * once, as a value or as a null; {@link #finish} then seals the vector.
 */
public final class VarWidthBuilder {
  private final BaseVariableWidthVector vector;
  private long dataAddr;
  private final long offsetAddr;
  private final long validityAddr;
  private long capacity;
  private int position;

  public VarWidthBuilder(BaseVariableWidthVector vector, int n, long estimatedBytes) {
    this.vector = vector;
    vector.allocateNew(Math.max(estimatedBytes, 64L), Math.max(n, 1));
    this.offsetAddr = vector.getOffsetBufferAddress();
    this.validityAddr = vector.getValidityBufferAddress();
    MemoryUtil.putInt(offsetAddr, 0);
    refreshData();
  }

  private void refreshData() {
    dataAddr = vector.getDataBufferAddress();
    capacity = vector.getDataBuffer().capacity();
  }

  public BaseVariableWidthVector vector() {
    return vector;
  }

  /** Makes room for {@code len} more bytes; returns the address to write them at. */
  public long reserve(int len) {
    long needed = (long) position + len;
    if (needed > capacity) {
      long next = Math.max(capacity * 2, needed);
      if (next > Integer.MAX_VALUE) {
        next = Math.max(needed, Integer.MAX_VALUE);
      }
      vector.reallocDataBuffer(next);
      refreshData();
    }
    return dataAddr + position;
  }

  /** Ends row {@code row} after {@code len} bytes were written at the address {@link #reserve} gave. */
  public void commit(int row, int len) {
    position += len;
    MemoryUtil.putInt(offsetAddr + 4L * (row + 1), position);
    Bits.set(validityAddr, row);
  }

  public void appendNull(int row) {
    MemoryUtil.putInt(offsetAddr + 4L * (row + 1), position);
  }

  public void append(int row, long srcAddr, int len) {
    long at = reserve(len);
    MemoryUtil.copyMemory(srcAddr, at, len);
    commit(row, len);
  }

  public void append(int row, byte[] bytes) {
    append(row, bytes, 0, bytes.length);
  }

  public void append(int row, byte[] bytes, int offset, int len) {
    long at = reserve(len);
    MemoryUtil.copyToMemory(bytes, offset, at, len);
    commit(row, len);
  }

  public void append(int row, String s) {
    append(row, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends bytes to the current row without ending it (for values built from several pieces). */
  public void appendPart(long srcAddr, int len) {
    long at = reserve(len);
    MemoryUtil.copyMemory(srcAddr, at, len);
    position += len;
  }

  public void appendPart(byte[] bytes, int offset, int len) {
    long at = reserve(len);
    MemoryUtil.copyToMemory(bytes, offset, at, len);
    position += len;
  }

  /** Ends a row built with {@link #appendPart}. */
  public void endRow(int row) {
    MemoryUtil.putInt(offsetAddr + 4L * (row + 1), position);
    Bits.set(validityAddr, row);
  }

  public void finish(int n) {
    vector.setLastSet(n - 1);
    vector.setValueCount(n);
  }
}
