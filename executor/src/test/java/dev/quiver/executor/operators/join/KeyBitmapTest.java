package dev.quiver.executor.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bitmap key set: exact membership around and between its keys, and no bitmap for too wide a span. */
class KeyBitmapTest {
  @Test
  void holdsExactlyItsKeysIncludingNegativeOnesAndNothingOutsideTheirRange() {
    long[] keys = {-70, 5, 63, 64, 1000, -70};
    KeyBitmap set = KeyBitmap.of(keys, keys.length);
    for (long k = -200; k <= 1200; k++) {
      boolean in = k == -70 || k == 5 || k == 63 || k == 64 || k == 1000;
      assertEquals(in, set.contains(k), "key " + k);
    }
    assertFalse(set.contains(Long.MIN_VALUE));
    assertFalse(set.contains(Long.MAX_VALUE));
    assertEquals(6, set.sizeBound());
  }

  @Test
  void anEmptySetHoldsNothingAndWideSpansGetNoBitmap() {
    KeyBitmap empty = KeyBitmap.of(new long[0], 0);
    assertFalse(empty.contains(0));
    assertNull(KeyBitmap.of(new long[] {0, KeyBitmap.MAX_SPAN}, 2));
    assertNull(KeyBitmap.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2), "the span overflows a long");
    KeyBitmap widest = KeyBitmap.of(new long[] {10, 10 + KeyBitmap.MAX_SPAN - 1}, 2);
    assertTrue(widest.contains(10 + KeyBitmap.MAX_SPAN - 1));
    assertFalse(widest.contains(10 + KeyBitmap.MAX_SPAN));
  }
}
