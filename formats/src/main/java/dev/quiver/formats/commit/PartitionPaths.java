package dev.quiver.formats.commit;

import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;

/**
 * Hive-style partition directory names ({@code year=2024/city=Paris}), as Spark writes and reads them. The
 * escaping rules follow Hive's {@code FileUtils.escapePathName} as used by Spark's
 * {@code ExternalCatalogUtils}: control characters U+0001..U+001F, U+007F and the characters
 * <code>" # % ' * / : = ? \ &#123; [ ] ^</code> become {@code %XX} (upper-case hex); every
 * other character, including spaces and non-ASCII letters, is kept as is. A null or empty value is written as
 * {@link #DEFAULT_PARTITION_NAME}.
 */
public final class PartitionPaths {
  /** The directory value of a null (or empty string) partition value. */
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final BitSet TO_ESCAPE = new BitSet(128);

  static {
    for (char c = 1; c <= 0x1F; c++) {
      TO_ESCAPE.set(c);
    }
    for (char c : new char[] {'"', '#', '%', '\'', '*', '/', ':', '=', '?', '\\', 0x7F, '{', '[', ']', '^'}) {
      TO_ESCAPE.set(c);
    }
  }

  private PartitionPaths() {}

  static boolean needsEscaping(char c) {
    return c < 128 && TO_ESCAPE.get(c);
  }

  /** Escapes a column name or a value for use in one path segment. */
  public static String escape(String s) {
    int first = 0;
    int n = s.length();
    while (first < n && !needsEscaping(s.charAt(first))) {
      first++;
    }
    if (first == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n + 8).append(s, 0, first);
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (needsEscaping(c)) {
        sb.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Reverses {@link #escape}: every {@code %XX} with two hex digits becomes that character; a {@code %} not
   * followed by two hex digits is kept, as Hive does, so hand-made directory names never fail to parse.
   */
  public static String unescape(String s) {
    int pct = s.indexOf('%');
    if (pct < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, pct);
    int i = pct;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < n) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          sb.append((char) (hi * 16 + lo));
          i += 3;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  /** One directory name {@code col=value}; a null or empty value becomes the default partition. */
  public static String segment(String column, String value) {
    if (column == null || column.isEmpty()) {
      throw new IllegalArgumentException("A partition column name must not be empty");
    }
    String v = value == null || value.isEmpty() ? DEFAULT_PARTITION_NAME : escape(value);
    return escape(column) + "=" + v;
  }

  /**
   * The relative directory of one partition, {@code a=1/b=x}, from values in Quiver's internal form
   * (Integer days for dates, Long micros for timestamps, BigDecimal for decimals). Empty when there are no
   * partition columns.
   */
  public static String partitionDir(List<String> columns, List<DataType> types, List<?> values, ZoneId zone) {
    if (columns.size() != types.size() || columns.size() != values.size()) {
      throw new IllegalArgumentException("Partition columns, types and values differ in number: "
          + columns.size() + ", " + types.size() + ", " + values.size());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(segment(columns.get(i), valueString(values.get(i), types.get(i), zone)));
    }
    return sb.toString();
  }

  /**
   * The text of a partition value as Spark's {@code cast(value as string)} renders it in {@code zone}: dates
   * {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, decimals without exponent. Null
   * for a null value (the caller maps it to the default partition).
   */
  public static String valueString(Object value, DataType type, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (type instanceof DateType) {
      return DateTimeValues.formatDate(((Number) value).intValue());
    }
    if (type instanceof TimestampType) {
      return DateTimeValues.formatTimestamp(((Number) value).longValue(), zone);
    }
    if (type instanceof TimestampNTZType) {
      return DateTimeValues.formatTimestamp(((Number) value).longValue(), ZoneOffset.UTC);
    }
    if (type instanceof DecimalType && value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (type instanceof BinaryType && value instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  /**
   * Checks a relative partition directory ({@code ""} or {@code a=1/b=2}) before it becomes part of a path:
   * no absolute path, no empty, {@code .} or {@code ..} segment, so a task can never write outside its
   * staging directory.
   */
  public static String checkRelativeDir(String dir) {
    if (dir == null || dir.isEmpty()) {
      return "";
    }
    for (String seg : dir.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        throw new IllegalArgumentException("Bad partition directory '" + dir
            + "': expected a relative path like 'year=2024/month=1' (built with PartitionPaths.partitionDir)");
      }
    }
    return dir;
  }
}
