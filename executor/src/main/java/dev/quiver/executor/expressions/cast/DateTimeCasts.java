package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * date / timestamp / timestamp_ntz among themselves. A timestamp is an instant; a date or timestamp_ntz is a
 * local value, read in the session time zone when it meets a timestamp. With a fixed-offset zone (UTC, the
 * default in tests and servers) conversions are integer arithmetic; region zones go through java.time for
 * their daylight-saving rules.
 */
final class DateTimeCasts extends CastKernel {
  private final DataType to;

  DateTimeCasts(Evaluator child, DataType from, DataType to) {
    super(child, from, to);
    this.to = to;
  }

  static boolean handles(DataType from, DataType to) {
    return isDateTime(from) && isDateTime(to);
  }

  private static boolean isDateTime(DataType t) {
    return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
  }

  /** The zone's offset in microseconds when it never changes, else null. */
  static Long fixedOffsetMicros(ZoneId zone) {
    if (!zone.getRules().isFixedOffset()) {
      return null;
    }
    return zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() * DateTimeValues.MICROS_PER_SECOND;
  }

  @Override
  protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
    long[] valid = Bits.validity(src, n);
    FieldVector out = Results.allocate(to, n, ctx.allocator());
    try {
      long sa = ((BaseFixedWidthVector) src).getDataBufferAddress();
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      ZoneId zone = ctx.timeZone();
      Long fixed = fixedOffsetMicros(zone);
      long day = DateTimeValues.MICROS_PER_DAY;
      for (int i = 0; i < n; i++) {
        if (!Bits.get(valid, i)) {
          continue;
        }
        if (from instanceof DateType) {
          int d = MemoryUtil.getInt(sa + 4L * i);
          long micros;
          if (to instanceof TimestampNTZType) {
            micros = d * day;
          } else {
            micros = fixed != null ? d * day - fixed : DateTimeValues.dateToTimestamp(d, zone);
          }
          MemoryUtil.putLong(oa + 8L * i, micros);
          continue;
        }
        long t = MemoryUtil.getLong(sa + 8L * i);
        if (to instanceof DateType) {
          int d;
          if (from instanceof TimestampNTZType) {
            d = (int) Math.floorDiv(t, day);
          } else {
            d = fixed != null ? (int) Math.floorDiv(t + fixed, day) : DateTimeValues.timestampToDate(t, zone);
          }
          MemoryUtil.putInt(oa + 4L * i, d);
        } else if (to instanceof TimestampNTZType) {
          long offset = fixed != null ? fixed : zone.getRules().getOffset(DateTimeValues.toInstant(t))
              .getTotalSeconds() * DateTimeValues.MICROS_PER_SECOND;
          MemoryUtil.putLong(oa + 8L * i, t + offset);
        } else {
          MemoryUtil.putLong(oa + 8L * i, fixed != null ? t - fixed : ntzToTimestamp(t, zone));
        }
      }
      Bits.store(valid, n, Bits.validityAddress(out));
      out.setValueCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** A local date-time (microseconds as if UTC) read in {@code zone}. */
  static long ntzToTimestamp(long local, ZoneId zone) {
    long seconds = Math.floorDiv(local, DateTimeValues.MICROS_PER_SECOND);
    int micro = (int) Math.floorMod(local, DateTimeValues.MICROS_PER_SECOND);
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(seconds, micro * 1000, ZoneOffset.UTC);
    return DateTimeValues.fromInstant(ldt.atZone(zone).toInstant());
  }
}
