package dev.quiver.formats.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** BINARY and FIXED_LEN_BYTE_ARRAY values into VarChar / VarBinary vectors; bytes are copied as stored. */
final class VarWidthConverter extends LeafConverter implements BinarySink {
  private BaseVariableWidthVector target;
  private int next;

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    target = (BaseVariableWidthVector) vector;
    next = pos;
    values.readBinaries(n, this);
    target = null;
  }

  @Override
  public void accept(byte[] src, int offset, int length) {
    target.setSafe(next++, src, offset, length);
  }
}
