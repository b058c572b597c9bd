package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** BOOLEAN columns into a BitVector. Only true bits are set: slots start out zeroed and are written once. */
final class BooleanConverter extends LeafConverter {
  private byte[] bits = new byte[0];

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    if (bits.length < n) {
      bits = new byte[Math.max(n, 1024)];
    }
    values.readBooleans(bits, 0, n);
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < n; i++) {
      if (bits[i] != 0) {
        BitVectorHelper.setBit(data, pos + i);
      }
    }
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }
}
