package dev.quiver.executor.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

/** VectorRanges.copy moves values and validity bits between any row offsets (bits a byte at a time). */
class VectorRangesTest extends OperatorTestBase {

  @Test
  void copiesRangesWithNullsBetweenUnalignedOffsets() {
    int n = 150;
    try (BigIntVector src = new BigIntVector("src", allocator)) {
      src.allocateNew(n);
      for (int i = 0; i < n; i++) {
        if (i % 3 == 1 || i % 7 == 0) {
          src.setNull(i);
        } else {
          src.set(i, i * 10L);
        }
      }
      src.setValueCount(n);
      for (int srcStart : new int[] {0, 1, 5, 8, 13}) {
        for (int dstStart : new int[] {0, 3, 8, 9, 31}) {
          for (int count : new int[] {0, 1, 7, 8, 17, 100}) {
            try (BigIntVector dst = new BigIntVector("dst", allocator)) {
              dst.allocateNew(4);
              for (int i = 0; i < dstStart; i++) {
                dst.setSafe(i, -1L);
              }
              VectorRanges.copy(src, srcStart, dst, dstStart, count);
              dst.setValueCount(dstStart + count);
              for (int i = 0; i < dstStart; i++) {
                assertEquals(-1L, dst.getObject(i), "untouched row " + i);
              }
              for (int i = 0; i < count; i++) {
                assertEquals(src.getObject(srcStart + i), dst.getObject(dstStart + i),
                    "row " + i + " of " + count + " from " + srcStart + " to " + dstStart);
              }
            }
          }
        }
      }
    }
  }
}
