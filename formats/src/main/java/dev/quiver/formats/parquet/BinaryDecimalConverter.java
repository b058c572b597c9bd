package dev.quiver.formats.parquet;

import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** DECIMAL stored as BINARY or FIXED_LEN_BYTE_ARRAY (big-endian two's complement) into a DecimalVector. */
final class BinaryDecimalConverter extends LeafConverter implements BinarySink {
  /** 10^(target scale - file scale), or null when the scales are equal. */
  private final BigInteger factor;
  private ArrowBuf data;
  private int next;

  BinaryDecimalConverter(BigInteger factor) {
    this.factor = factor;
  }

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    data = vector.getDataBuffer();
    next = pos;
    values.readBinaries(n, this);
    data = null;
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }

  @Override
  public void accept(byte[] src, int offset, int length) {
    if (factor == null) {
      Decimal128.writeBigEndian(data, next++, src, offset, length);
    } else {
      // Rescaling is only needed when a schema widens the scale; rare enough for BigInteger.
      byte[] copy = java.util.Arrays.copyOfRange(src, offset, offset + length);
      BigInteger unscaled = length == 0 ? BigInteger.ZERO : new BigInteger(copy);
      Decimal128.writeBigInteger(data, next++, unscaled.multiply(factor));
    }
  }
}
