package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Copying the kept rows of a decoded run into consecutive slots, for each value width. */
class VectorBitsTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  /** Rows 100..299 decoded into slots 0..199; keeps every third row and 250..270, after 5 slots already used. */
  private static long[] keep() {
    long[] keep = new long[5];
    for (int r = 0; r < 320; r++) {
      if (r % 3 == 0 || r >= 250 && r <= 270) {
        keep[r >>> 6] |= 1L << r;
      }
    }
    return keep;
  }

  private static void check(BaseFixedWidthVector from, BaseFixedWidthVector to, java.util.function.IntFunction<Object> fromValue) {
    long[] keep = keep();
    int copied = VectorBits.copySelected(from, keep, 100, 300, to, 5);
    assertEquals(SelectionBits.count(keep, 100, 300), copied);
    int slot = 5;
    for (int r = 100; r < 300; r++) {
      if ((keep[r >>> 6] >>> r & 1) != 0) {
        assertEquals(fromValue.apply(r - 100), to.getObject(slot), "row " + r);
        assertFalse(to.isNull(slot));
        slot++;
      }
    }
    assertTrue(to.isNull(4) && to.isNull(slot), "slots outside the copy stay null");
  }

  @Test
  void copiesKeptLongsIntsShortsAndDecimals() {
    try (BigIntVector from = new BigIntVector("f", allocator); BigIntVector to = new BigIntVector("t", allocator)) {
      from.allocateNew(200);
      to.allocateNew(200);
      for (int i = 0; i < 200; i++) {
        from.set(i, i * 1_000_000_007L);
      }
      check(from, to, i -> i * 1_000_000_007L);
    }
    try (IntVector from = new IntVector("f", allocator); IntVector to = new IntVector("t", allocator)) {
      from.allocateNew(200);
      to.allocateNew(200);
      for (int i = 0; i < 200; i++) {
        from.set(i, -i * 7);
      }
      check(from, to, i -> -i * 7);
    }
    try (SmallIntVector from = new SmallIntVector("f", allocator);
        SmallIntVector to = new SmallIntVector("t", allocator)) {
      from.allocateNew(200);
      to.allocateNew(200);
      for (int i = 0; i < 200; i++) {
        from.set(i, (short) (i - 100));
      }
      check(from, to, i -> (short) (i - 100));
    }
    try (DecimalVector from = new DecimalVector("f", allocator, 20, 2);
        DecimalVector to = new DecimalVector("t", allocator, 20, 2)) {
      from.allocateNew(200);
      to.allocateNew(200);
      for (int i = 0; i < 200; i++) {
        from.set(i, new BigDecimal(i + "12345678901234.56").negate());
      }
      check(from, to, i -> new BigDecimal(i + "12345678901234.56").negate());
    }
  }
}
