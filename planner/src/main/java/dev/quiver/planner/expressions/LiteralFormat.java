package dev.quiver.planner.expressions;

import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How literals read in generated names and plans: numbers and strings bare, null as NULL. */
public final class LiteralFormat {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LiteralFormat() {}

  public static String pretty(Literal l) {
    Object v = l.value();
    if (v == null) {
      return "NULL";
    }
    if (l.dataType() instanceof DateType) {
      return "DATE '" + LocalDate.ofEpochDay((Integer) v) + "'";
    }
    if (l.dataType() instanceof TimestampType || l.dataType() instanceof TimestampNTZType) {
      long micros = (Long) v;
      LocalDateTime t = LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC);
      String prefix = l.dataType() instanceof TimestampType ? "TIMESTAMP '" : "TIMESTAMP_NTZ '";
      return prefix + TS.format(t) + fraction(micros) + "'";
    }
    if (l.dataType() instanceof BinaryType) {
      StringBuilder sb = new StringBuilder("X'");
      for (byte b : (byte[]) v) {
        sb.append(String.format("%02X", b & 0xff));
      }
      return sb.append('\'').toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("array(");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(list.get(i) == null ? "NULL" : String.valueOf(list.get(i)));
      }
      return sb.append(')').toString();
    }
    return String.valueOf(v);
  }

  private static String fraction(long micros) {
    long frac = Math.floorMod(micros, 1_000_000L);
    if (frac == 0) {
      return "";
    }
    String s = String.format(".%06d", frac);
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    return s.substring(0, end);
  }
}
