package dev.quiver.sql.internal;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@code lit(value)}: the literal for a Java value, typed as Spark types it. */
public final class Literals {
  private Literals() {}

  public static Literal of(Object v) {
    if (v == null) {
      return Literal.NULL;
    }
    if (v instanceof Integer i) {
      return new Literal(i, DataTypes.IntegerType);
    }
    if (v instanceof Long l) {
      return new Literal(l, DataTypes.LongType);
    }
    if (v instanceof Double d) {
      return new Literal(d, DataTypes.DoubleType);
    }
    if (v instanceof String s) {
      return new Literal(s, DataTypes.StringType);
    }
    if (v instanceof Boolean b) {
      return Literal.of(b);
    }
    if (v instanceof Float f) {
      return new Literal(f, DataTypes.FloatType);
    }
    if (v instanceof Short s) {
      return new Literal(s, DataTypes.ShortType);
    }
    if (v instanceof Byte b) {
      return new Literal(b, DataTypes.ByteType);
    }
    if (v instanceof BigDecimal d) {
      BigDecimal x = d.scale() < 0 ? d.setScale(0) : d;
      int precision = Math.max(x.precision(), x.scale());
      if (precision > DecimalType.MAX_PRECISION) {
        throw new AnalysisException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "The decimal literal " + d
            + " needs more than " + DecimalType.MAX_PRECISION + " digits.", "22003");
      }
      return new Literal(x, new DecimalType(Math.max(precision, 1), x.scale()));
    }
    if (v instanceof BigInteger b) {
      return of(new BigDecimal(b));
    }
    if (v instanceof Date d) {
      return new Literal((int) d.toLocalDate().toEpochDay(), DataTypes.DateType);
    }
    if (v instanceof LocalDate d) {
      return new Literal((int) d.toEpochDay(), DataTypes.DateType);
    }
    if (v instanceof Timestamp t) {
      return new Literal(DateTimeValues.fromInstant(t.toInstant()), DataTypes.TimestampType);
    }
    if (v instanceof Instant i) {
      return new Literal(DateTimeValues.fromInstant(i), DataTypes.TimestampType);
    }
    if (v instanceof LocalDateTime t) {
      return new Literal(DateTimeValues.fromInstant(t.toInstant(ZoneOffset.UTC)), DataTypes.TimestampNTZType);
    }
    if (v instanceof byte[] b) {
      return new Literal(b.clone(), DataTypes.BinaryType);
    }
    if (v instanceof Character c) {
      return new Literal(String.valueOf(c), DataTypes.StringType);
    }
    if (v instanceof List<?> || v instanceof Object[]) {
      List<?> items = v instanceof List<?> l ? l : java.util.Arrays.asList((Object[]) v);
      DataType element = DataTypes.NullType;
      List<Object> values = new ArrayList<>();
      boolean containsNull = false;
      for (Object o : items) {
        Literal l = of(o);
        if (l.value() == null) {
          containsNull = true;
        } else {
          element = l.dataType();
        }
        values.add(l.value());
      }
      return new Literal(values, new ArrayType(element, containsNull));
    }
    throw new AnalysisException("UNSUPPORTED_FEATURE.LITERAL_TYPE", "Literal for '" + v + "' of "
        + v.getClass() + " is not supported.", "0A000");
  }
}
