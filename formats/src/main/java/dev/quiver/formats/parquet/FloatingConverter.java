package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** FLOAT and DOUBLE columns into Float4 / Float8 vectors (FLOAT may widen to double). */
final class FloatingConverter extends LeafConverter {
  enum Target { FLOAT, FLOAT_TO_DOUBLE, DOUBLE }

  private final Target target;
  private float[] floats = new float[0];
  private double[] doubles = new double[0];

  FloatingConverter(Target target) {
    this.target = target;
  }

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    ArrowBuf data = vector.getDataBuffer();
    switch (target) {
      case FLOAT -> {
        if (values.canCopyRaw()) {
          values.copyRaw(data, (long) pos * 4, n, 4);
        } else {
          float[] v = floats(n);
          values.readFloats(v, 0, n);
          for (int i = 0; i < n; i++) {
            data.setFloat((long) (pos + i) * 4, v[i]);
          }
        }
      }
      case FLOAT_TO_DOUBLE -> {
        float[] v = floats(n);
        values.readFloats(v, 0, n);
        for (int i = 0; i < n; i++) {
          data.setDouble((long) (pos + i) * 8, v[i]);
        }
      }
      case DOUBLE -> {
        if (values.canCopyRaw()) {
          values.copyRaw(data, (long) pos * 8, n, 8);
        } else {
          if (doubles.length < n) {
            doubles = new double[Math.max(n, 1024)];
          }
          values.readDoubles(doubles, 0, n);
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, Double.doubleToRawLongBits(doubles[i]));
          }
        }
      }
    }
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }

  private float[] floats(int n) {
    if (floats.length < n) {
      floats = new float[Math.max(n, 1024)];
    }
    return floats;
  }
}
