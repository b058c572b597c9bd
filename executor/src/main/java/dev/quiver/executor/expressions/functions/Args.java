package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.FloatType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;

/**
 * Typed, unboxed access to a function's arguments for one batch: each argument is a vector or a constant
 * ({@link Operand}); numbers are read straight from Arrow memory. Strings can be read as bytes in place
 * ({@link #address}/{@link #length}) or decoded.
 */
final class Args {
  private final Operand[] ops;
  private final DataType[] types;
  private final String[] constantStrings;

  Args(Operand[] ops, DataType[] types) {
    this.ops = ops;
    this.types = types;
    this.constantStrings = new String[ops.length];
    for (int a = 0; a < ops.length; a++) {
      if (ops[a].isConstant() && ops[a].constant != null) {
        Object c = ops[a].constant;
        constantStrings[a] = c instanceof String s ? s : c instanceof byte[] b
            ? new String(b, StandardCharsets.UTF_8) : null;
      }
    }
  }

  int count() {
    return ops.length;
  }

  Operand operand(int a) {
    return ops[a];
  }

  DataType type(int a) {
    return types[a];
  }

  boolean isNull(int a, int row) {
    return !ops[a].isValid(row);
  }

  boolean isConstant(int a) {
    return ops[a].isConstant();
  }

  int getInt(int a, int row) {
    Operand o = ops[a];
    return MemoryUtil.getInt(o.data + o.stride * row);
  }

  long getLong(int a, int row) {
    Operand o = ops[a];
    return MemoryUtil.getLong(o.data + o.stride * row);
  }

  double getDouble(int a, int row) {
    Operand o = ops[a];
    if (types[a] instanceof FloatType) {
      return Float.intBitsToFloat(MemoryUtil.getInt(o.data + o.stride * row));
    }
    return Double.longBitsToDouble(MemoryUtil.getLong(o.data + o.stride * row));
  }

  boolean getBoolean(int a, int row) {
    Operand o = ops[a];
    return o.isConstant() ? (Boolean) o.constant : Bits.get(((BitVector) o.vector).getDataBufferAddress(), row);
  }

  BigDecimal getDecimal(int a, int row) {
    Operand o = ops[a];
    return new Int128().load(o.data + o.stride * row, 0).toBigDecimal(((DecimalType) types[a]).scale());
  }

  /** Address of a string or binary value's bytes; only for vector arguments. */
  long address(int a, int row) {
    Operand o = ops[a];
    return o.data + o.start(row);
  }

  int length(int a, int row) {
    Operand o = ops[a];
    return o.end(row) - o.start(row);
  }

  byte[] getBytes(int a, int row) {
    Operand o = ops[a];
    if (o.isConstant()) {
      return o.constantBytes;
    }
    int s = o.start(row);
    return Utf8.bytes(o.data + s, o.end(row) - s);
  }

  String getString(int a, int row) {
    if (ops[a].isConstant()) {
      return constantStrings[a];
    }
    return new String(getBytes(a, row), StandardCharsets.UTF_8);
  }

  /** Any value in internal form (nested types), or null. */
  Object get(int a, int row) {
    Operand o = ops[a];
    if (o.isConstant()) {
      return o.constant;
    }
    return InternalValues.read(o.vector, row);
  }
}
