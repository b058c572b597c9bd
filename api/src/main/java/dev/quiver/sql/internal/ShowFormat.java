package dev.quiver.sql.internal;

import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spark's {@code show()} text, as Dataset.showString builds it: header names escaped (never truncated), cells
 * as Spark's pretty strings (NULL for null, dates and timestamps in the session time zone, binary in hex),
 * escaped, then cut to {@code truncate} characters with "..."; right-aligned when truncating and left-aligned
 * otherwise; columns at least 3 wide, widths counted as Spark's Utils.stringHalfWidth does (UTF-16 length,
 * plus one for each East Asian full-width character).
 */
public final class ShowFormat {
  /** Spark's largest row count for show(): ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH - 1. */
  public static final int MAX_ROWS = Integer.MAX_VALUE - 15 - 1;

  private static final int MIN_WIDTH = 3;

  private static final Pattern FULL_WIDTH = Pattern.compile(
      "[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60"
          + "\uFFE0-\uFFE6]");

  private ShowFormat() {}

  /** Spark's numRows for show(n): negative counts as 0, and at most {@link #MAX_ROWS}. */
  public static int clampRows(int numRows) {
    return Math.min(Math.max(numRows, 0), MAX_ROWS);
  }

  /**
   * @param rows up to numRows + 1 rows in internal form (one extra tells whether there is more)
   * @param numRows already clamped with {@link #clampRows}
   */
  public static String table(StructType schema, List<Object[]> rows, int numRows, int truncate, boolean vertical,
      ZoneId zone) {
    boolean hasMore = rows.size() > numRows;
    List<String> header = new ArrayList<>();
    for (String name : schema.fieldNames()) {
      header.add(escapeMetaCharacters(name));
    }
    List<List<String>> data = new ArrayList<>();
    for (int r = 0; r < Math.min(numRows, rows.size()); r++) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < schema.length(); c++) {
        line.add(cut(escapeMetaCharacters(pretty(rows.get(r)[c], schema.apply(c).dataType(), zone)), truncate));
      }
      data.add(line);
    }
    StringBuilder sb = new StringBuilder();
    if (vertical) {
      vertical(sb, header, data);
    } else {
      horizontal(sb, header, data, truncate > 0);
    }
    if (vertical && data.isEmpty()) {
      sb.append("(0 rows)");
    } else if (hasMore) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
    }
    return sb.toString();
  }

  private static void horizontal(StringBuilder sb, List<String> header, List<List<String>> data,
      boolean rightAlign) {
    int numCols = header.size();
    int[] widths = new int[numCols];
    Arrays.fill(widths, MIN_WIDTH);
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(data);
    for (List<String> row : all) {
      for (int i = 0; i < numCols; i++) {
        widths[i] = Math.max(widths[i], halfWidth(row.get(i)));
      }
    }
    StringBuilder sep = new StringBuilder("+");
    for (int w : widths) {
      sep.append("-".repeat(w)).append('+');
    }
    sep.append('\n');
    for (int r = 0; r < all.size(); r++) {
      if (r == 0) {
        sb.append(sep);
      }
      sb.append('|');
      for (int i = 0; i < numCols; i++) {
        String cell = all.get(r).get(i);
        String pad = " ".repeat(widths[i] - halfWidth(cell));
        sb.append(rightAlign ? pad + cell : cell + pad).append('|');
      }
      sb.append('\n');
      if (r == 0) {
        sb.append(sep);
      }
    }
    sb.append(sep);
  }

  /** Spark's extended display: a "-RECORD i" rule per row, then one " name | value " line per column. */
  private static void vertical(StringBuilder sb, List<String> header, List<List<String>> data) {
    int fieldWidth = MIN_WIDTH;
    for (String h : header) {
      fieldWidth = Math.max(fieldWidth, halfWidth(h));
    }
    int dataWidth = MIN_WIDTH;
    for (List<String> row : data) {
      for (String c : row) {
        dataWidth = Math.max(dataWidth, halfWidth(c));
      }
    }
    for (int r = 0; r < data.size(); r++) {
      sb.append(rightPad("-RECORD " + r, fieldWidth + dataWidth + 5, '-')).append('\n');
      List<String> row = data.get(r);
      for (int i = 0; i < row.size(); i++) {
        String h = header.get(i);
        String c = row.get(i);
        sb.append(' ').append(h).append(" ".repeat(fieldWidth - halfWidth(h))).append(" | ").append(c)
            .append(" ".repeat(dataWidth - halfWidth(c))).append(' ');
        if (i < row.size() - 1) {
          sb.append('\n');
        }
      }
      sb.append('\n');
    }
  }

  private static String rightPad(String s, int size, char pad) {
    return s.length() >= size ? s : s + String.valueOf(pad).repeat(size - s.length());
  }

  /** Spark's SchemaUtils.escapeMetaCharacters: control characters that would break the table, as escapes. */
  public static String escapeMetaCharacters(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc;
      switch (c) {
        case '\n':
          esc = "\\n";
          break;
        case '\r':
          esc = "\\r";
          break;
        case '\t':
          esc = "\\t";
          break;
        case '\f':
          esc = "\\f";
          break;
        case '\b':
          esc = "\\b";
          break;
        case 0x0B:
          esc = "\\v";
          break;
        case 0x07:
          esc = "\\a";
          break;
        default:
          esc = null;
      }
      if (esc != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (esc != null) {
          sb.append(esc);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Spark's cut: the first {@code truncate} UTF-16 units, the last three replaced by "..." from 4 on. */
  static String cut(String s, int truncate) {
    if (truncate > 0 && s.length() > truncate) {
      return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
    }
    return s;
  }

  /** Spark's Utils.stringHalfWidth: the UTF-16 length plus one per full-width character. */
  static int halfWidth(String s) {
    int extra = 0;
    var m = FULL_WIDTH.matcher(s);
    while (m.find()) {
      extra++;
    }
    return s.length() + extra;
  }

  /** Spark's ToPrettyString of an internal value. */
  public static String pretty(Object v, DataType type, ZoneId zone) {
    if (v == null) {
      return "NULL";
    }
    if (type instanceof DateType) {
      return DateTimeValues.formatDate(((Number) v).intValue());
    }
    if (type instanceof TimestampType) {
      return DateTimeValues.formatTimestamp(((Number) v).longValue(), zone);
    }
    if (type instanceof TimestampNTZType) {
      return DateTimeValues.formatTimestamp(((Number) v).longValue(), ZoneOffset.UTC);
    }
    if (type instanceof BinaryType) {
      StringBuilder sb = new StringBuilder("[");
      byte[] b = (byte[]) v;
      for (int i = 0; i < b.length; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(String.format("%02X", b[i] & 0xff));
      }
      return sb.append(']').toString();
    }
    if (type instanceof ArrayType a) {
      List<String> parts = new ArrayList<>();
      for (Object e : (List<?>) v) {
        parts.add(pretty(e, a.elementType(), zone));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (type instanceof MapType m) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        parts.add(pretty(e.getKey(), m.keyType(), zone) + " -> " + pretty(e.getValue(), m.valueType(), zone));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (type instanceof StructType s) {
      List<?> fields = (List<?>) v;
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        parts.add(pretty(fields.get(i), s.apply(i).dataType(), zone));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }
}
