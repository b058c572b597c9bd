package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.vectors.Bits;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** A boolean column as two bitmaps, validity and value, for word-at-a-time three-valued logic. */
final class BoolWords {
  final long[] valid;
  final long[] value;

  BoolWords(int n) {
    int words = Math.max(Bits.words(n), 1);
    valid = new long[words];
    value = new long[words];
  }

  /** The bitmaps of a full-size boolean vector (a NullVector is all null). */
  static BoolWords of(FieldVector v, int n) {
    BoolWords b = new BoolWords(n);
    if (v instanceof BitVector bits) {
      Bits.load(bits.getValidityBufferAddress(), n, b.valid);
      Bits.load(bits.getDataBufferAddress(), n, b.value);
    }
    return b;
  }

  /** The bitmaps of a lazily evaluated operand for rows {@code idx[0..k)}; other rows are left null. */
  static BoolWords of(LazyChild.Partial p, int[] idx, int k, int n) {
    if (!p.compact()) {
      return of(p.vector(), n);
    }
    BoolWords b = new BoolWords(n);
    if (p.vector() instanceof BitVector bits) {
      long va = bits.getValidityBufferAddress();
      long da = bits.getDataBufferAddress();
      for (int j = 0; j < k; j++) {
        if (Bits.get(va, j)) {
          int i = idx[j];
          Bits.set(b.valid, i);
          if (Bits.get(da, j)) {
            Bits.set(b.value, i);
          }
        }
      }
    }
    return b;
  }
}
