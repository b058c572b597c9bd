package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting kept rows and their runs over row selections, against a row-by-row count. */
class SelectionBitsTest {
  @Test
  void countsRowsAndRunsOfAnyRangeAcrossWordBoundaries() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int rows = 1 + random.nextInt(300);
      long[] bits = new long[((rows + 63) >>> 6) + 1];
      double density = random.nextDouble();
      for (int i = 0; i < rows; i++) {
        if (random.nextDouble() < density) {
          bits[i >>> 6] |= 1L << i;
        }
      }
      int from = random.nextInt(rows);
      int end = from + random.nextInt(rows - from + 1);
      int count = 0;
      int runs = 0;
      for (int i = from; i < end; i++) {
        if (set(bits, i)) {
          count++;
          if (i == from || !set(bits, i - 1)) {
            runs++;
          }
        }
      }
      String range = "[" + from + ", " + end + ") of " + rows;
      assertEquals(count, SelectionBits.count(bits, from, end), range);
      assertEquals(runs, SelectionBits.runs(bits, from, end), range);
    }
  }

  @Test
  void aRunCrossingAWordBoundaryIsOneAndARunEnteringTheRangeCounts() {
    long[] bits = {-1L << 60, 0b111L};
    assertEquals(1, SelectionBits.runs(bits, 0, 128));
    assertEquals(7, SelectionBits.count(bits, 0, 128));
    assertEquals(1, SelectionBits.runs(bits, 62, 65), "the run started before the range");
    assertEquals(3, SelectionBits.count(bits, 62, 65));
    assertEquals(0, SelectionBits.runs(bits, 5, 5));
  }

  private static boolean set(long[] bits, int i) {
    return (bits[i >>> 6] >>> i & 1) != 0;
  }
}
