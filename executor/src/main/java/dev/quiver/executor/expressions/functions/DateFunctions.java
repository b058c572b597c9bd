package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.ConstantEvaluator;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.cast.Casts;
import dev.quiver.executor.expressions.kernels.BinaryKernel;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.kernels.UnaryKernel;
import dev.quiver.executor.expressions.vectors.Civil;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.TimestampNTZType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Spark's date and time functions. Calendar fields of dates are computed arithmetically (no LocalDate per
 * row); time-of-day fields of timestamps are taken in the session time zone (timestamp_ntz values in UTC);
 * dayofweek counts from Sunday = 1, weekofyear is the ISO week.
 */
final class DateFunctions {
  private DateFunctions() {}

  enum Field { YEAR, QUARTER, MONTH, DAY, DAY_OF_WEEK, DAY_OF_YEAR, WEEK_OF_YEAR, LAST_DAY }

  enum TimeField { HOUR, MINUTE, SECOND }

  enum DayArith { ADD, SUB, DIFF, ADD_MONTHS }

  static void register(Map<String, FunctionFactory> r) {
    r.put("year", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.YEAR));
    r.put("quarter", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.QUARTER));
    r.put("month", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.MONTH));
    r.put("dayofmonth", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.DAY));
    r.put("dayofweek", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.DAY_OF_WEEK));
    r.put("dayofyear", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.DAY_OF_YEAR));
    r.put("weekofyear", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.WEEK_OF_YEAR));
    r.put("last_day", (f, cc) -> new DateField(cc.compile(f.args().get(0)), Field.LAST_DAY));
    r.put("hour", (f, cc) -> new TimeOfDay(cc.compile(f.args().get(0)), TimeField.HOUR));
    r.put("minute", (f, cc) -> new TimeOfDay(cc.compile(f.args().get(0)), TimeField.MINUTE));
    r.put("second", (f, cc) -> new TimeOfDay(cc.compile(f.args().get(0)), TimeField.SECOND));
    r.put("date_add", (f, cc) -> dayArith(f, cc, DayArith.ADD));
    r.put("date_sub", (f, cc) -> dayArith(f, cc, DayArith.SUB));
    r.put("datediff", (f, cc) -> dayArith(f, cc, DayArith.DIFF));
    r.put("add_months", (f, cc) -> dayArith(f, cc, DayArith.ADD_MONTHS));
    r.put("to_date", (f, cc) -> castTo(f, cc, DataTypes.DateType));
    r.put("to_timestamp", (f, cc) -> castTo(f, cc, DataTypes.TimestampType));
    r.put("to_date_format", (f, cc) -> parse(f, cc, true));
    r.put("to_timestamp_format", (f, cc) -> parse(f, cc, false));
    r.put("date_format", DateFunctions::dateFormat);
    r.put("months_between", DateFunctions::monthsBetween);
    r.put("current_date", (f, cc) -> new ConstantEvaluator(DataTypes.DateType,
        ctx -> DateTimeValues.timestampToDate(ctx.queryStartMicros(), ctx.timeZone())));
    r.put("current_timestamp", (f, cc) -> new ConstantEvaluator(DataTypes.TimestampType,
        EvalContext::queryStartMicros));
  }

  private static Evaluator castTo(ScalarFunction f, ChildCompiler cc, DataType to) {
    DataType from = f.args().get(0).dataType();
    return Casts.compile(cc.compile(f.args().get(0)), from, to);
  }

  private static Evaluator dayArith(ScalarFunction f, ChildCompiler cc, DayArith op) {
    return new DayArithmetic(cc.compile(f.args().get(0)), cc.compile(f.args().get(1)), op, f.dataType());
  }

  /** The zone a timestamp argument's local fields are read in. */
  static ZoneId zoneOf(DataType t, EvalContext ctx) {
    return t instanceof TimestampNTZType ? ZoneOffset.UTC : ctx.timeZone();
  }

  /** Seconds east of UTC of {@code zone} at {@code micros}. */
  static long offsetSeconds(ZoneId zone, long micros) {
    return zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(micros, DateTimeValues.MICROS_PER_SECOND)))
        .getTotalSeconds();
  }

  /** ISO-8601 day of week: Monday = 1 .. Sunday = 7. */
  static int isoDayOfWeek(int days) {
    return Math.floorMod(days + 3, 7) + 1;
  }

  static int weeksInYear(int year) {
    int d = isoDayOfWeek(Civil.days(year, 1, 1));
    return d == 4 || (Civil.isLeap(year) && d == 3) ? 53 : 52;
  }

  static int isoWeek(int days) {
    int year = Civil.year(days);
    int doy = days - Civil.days(year, 1, 1) + 1;
    int week = (doy - isoDayOfWeek(days) + 10) / 7;
    if (week < 1) {
      return weeksInYear(year - 1);
    }
    return week > weeksInYear(year) ? 1 : week;
  }

  static int field(int days, Field f) {
    return switch (f) {
      case YEAR -> Civil.year(days);
      case QUARTER -> (Civil.month(days) - 1) / 3 + 1;
      case MONTH -> Civil.month(days);
      case DAY -> Civil.day(days);
      case DAY_OF_WEEK -> Math.floorMod(days + 4, 7) + 1;
      case DAY_OF_YEAR -> days - Civil.days(Civil.year(days), 1, 1) + 1;
      case WEEK_OF_YEAR -> isoWeek(days);
      case LAST_DAY -> {
        int y = Civil.year(days);
        int m = Civil.month(days);
        yield Civil.days(y, m, Civil.monthLength(y, m));
      }
    };
  }

  /** A calendar field of a date (int), or last_day (a date). */
  private static final class DateField extends UnaryKernel {
    private final Field field;

    DateField(Evaluator child, Field field) {
      super(field == Field.LAST_DAY ? DataTypes.DateType : DataTypes.IntegerType, child);
      this.field = field;
    }

    @Override
    protected void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx) {
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      long a = c.data;
      long s = c.stride;
      if (field == Field.YEAR) {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putInt(oa + 4L * i, Civil.year(MemoryUtil.getInt(a + s * i)));
        }
        return;
      }
      for (int i = 0; i < n; i++) {
        MemoryUtil.putInt(oa + 4L * i, field(MemoryUtil.getInt(a + s * i), field));
      }
    }
  }

  /** hour / minute / second of a timestamp in the session time zone. */
  private static final class TimeOfDay extends UnaryKernel {
    private final TimeField field;

    TimeOfDay(Evaluator child, TimeField field) {
      super(DataTypes.IntegerType, child);
      this.field = field;
    }

    @Override
    protected void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx) {
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      ZoneId zone = zoneOf(child.dataType(), ctx);
      boolean fixed = zone.getRules().isFixedOffset();
      long fixedOffset = fixed ? offsetSeconds(zone, 0) : 0;
      for (int i = 0; i < n; i++) {
        long micros = MemoryUtil.getLong(c.data + c.stride * i);
        long seconds = Math.floorDiv(micros, DateTimeValues.MICROS_PER_SECOND);
        long local = seconds + (fixed ? fixedOffset : offsetSeconds(zone, micros));
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        int v = switch (field) {
          case HOUR -> secondOfDay / 3600;
          case MINUTE -> secondOfDay / 60 % 60;
          case SECOND -> secondOfDay % 60;
        };
        MemoryUtil.putInt(oa + 4L * i, v);
      }
    }
  }

  /** date_add / date_sub / datediff / add_months over day numbers. */
  private static final class DayArithmetic extends BinaryKernel {
    private final DayArith op;

    DayArithmetic(Evaluator left, Evaluator right, DayArith op, DataType type) {
      super(type, left, right);
      this.op = op;
    }

    @Override
    protected void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx) {
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        int x = MemoryUtil.getInt(l.data + l.stride * i);
        int y = MemoryUtil.getInt(r.data + r.stride * i);
        int v = switch (op) {
          case ADD -> x + y;
          case SUB -> x - y;
          case DIFF -> x - y;
          case ADD_MONTHS -> addMonths(x, y);
        };
        MemoryUtil.putInt(oa + 4L * i, v);
      }
    }
  }

  /** LocalDate.plusMonths: the day is clamped to the new month's length. */
  static int addMonths(int days, int months) {
    int y = Civil.year(days);
    int m = Civil.month(days);
    int d = Civil.day(days);
    long total = (long) y * 12 + (m - 1) + months;
    int ny = (int) Math.floorDiv(total, 12);
    int nm = (int) Math.floorMod(total, 12) + 1;
    return Civil.days(ny, nm, Math.min(d, Civil.monthLength(ny, nm)));
  }

  /** Spark's months_between(t1, t2) with rounding to 8 decimal places. */
  static double monthsBetween(long micros1, long micros2, ZoneId zone1, ZoneId zone2) {
    long local1 = Math.floorDiv(micros1, DateTimeValues.MICROS_PER_SECOND) + offsetSeconds(zone1, micros1);
    long local2 = Math.floorDiv(micros2, DateTimeValues.MICROS_PER_SECOND) + offsetSeconds(zone2, micros2);
    int days1 = (int) Math.floorDiv(local1, 86_400L);
    int days2 = (int) Math.floorDiv(local2, 86_400L);
    int y1 = Civil.year(days1);
    int m1 = Civil.month(days1);
    int d1 = Civil.day(days1);
    int y2 = Civil.year(days2);
    int m2 = Civil.month(days2);
    int d2 = Civil.day(days2);
    double monthDiff = (double) ((y1 * 12 + m1) - (y2 * 12 + m2));
    if (d1 == d2 || (d1 == Civil.monthLength(y1, m1) && d2 == Civil.monthLength(y2, m2))) {
      return monthDiff;
    }
    long seconds1 = Math.floorMod(local1, 86_400L);
    long seconds2 = Math.floorMod(local2, 86_400L);
    long secondsDiff = (d1 - d2) * 86_400L + seconds1 - seconds2;
    double diff = monthDiff + secondsDiff / (31.0 * 86_400L);
    return Math.round(diff * 1e8) / 1e8;
  }

  private static Evaluator monthsBetween(ScalarFunction f, ChildCompiler cc) {
    DataType t1 = f.args().get(0).dataType();
    DataType t2 = f.args().get(1).dataType();
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setDouble(i, monthsBetween(in.getLong(0, i), in.getLong(1, i), zoneOf(t1, ctx), zoneOf(t2, ctx))));
  }

  /** to_date(str, fmt) / to_timestamp(str, fmt): unparseable text raises CANNOT_PARSE_TIMESTAMP (ANSI). */
  private static Evaluator parse(ScalarFunction f, ChildCompiler cc, boolean toDate) {
    FormatterCache cache = new FormatterCache(true);
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      long micros = DateTimeFormats.parseTimestamp(in.getString(0, i), cache.get(in.getString(1, i)),
          ctx.timeZone());
      if (toDate) {
        out.setInt(i, DateTimeValues.timestampToDate(micros, ctx.timeZone()));
      } else {
        out.setLong(i, micros);
      }
    });
  }

  private static Evaluator dateFormat(ScalarFunction f, ChildCompiler cc) {
    FormatterCache cache = new FormatterCache(false);
    DataType t = f.args().get(0).dataType();
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      DateTimeFormatter fmt = cache.get(in.getString(1, i)).withZone(zoneOf(t, ctx));
      out.setString(i, fmt.format(DateTimeValues.toInstant(in.getLong(0, i))));
    });
  }
}
