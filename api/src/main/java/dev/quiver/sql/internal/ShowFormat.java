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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spark's {@code show()} table: cells as Spark's pretty strings (NULL for null, dates and timestamps in the
 * session time zone, binary in hex), cut to {@code truncate} characters with "...", right-aligned when
 * truncating and left-aligned otherwise, columns at least 3 wide, East Asian wide characters counted twice.
 */
public final class ShowFormat {
  private static final Pattern FULL_WIDTH = Pattern.compile(
      "[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]");

  private ShowFormat() {}

  /**
   * @param rows up to numRows + 1 rows in internal form (one extra tells whether there is more)
   */
  public static String table(StructType schema, List<Object[]> rows, int numRows, int truncate, boolean vertical,
      ZoneId zone) {
    boolean hasMore = rows.size() > numRows;
    List<List<String>> cells = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (String name : schema.fieldNames()) {
      header.add(cut(name, truncate));
    }
    cells.add(header);
    for (int r = 0; r < Math.min(numRows, rows.size()); r++) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < schema.length(); c++) {
        line.add(cut(pretty(rows.get(r)[c], schema.apply(c).dataType(), zone), truncate));
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    if (vertical) {
      vertical(sb, cells, schema.length());
      if (cells.size() == 1) {
        sb.append("(0 rows)\n");
      }
    } else {
      horizontal(sb, cells, schema.length(), truncate > 0);
    }
    if (hasMore && !(vertical && cells.size() == 1)) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
    }
    return sb.toString();
  }

  private static void horizontal(StringBuilder sb, List<List<String>> cells, int numCols, boolean rightAlign) {
    int[] widths = new int[numCols];
    java.util.Arrays.fill(widths, 3);
    for (List<String> row : cells) {
      for (int i = 0; i < numCols; i++) {
        widths[i] = Math.max(widths[i], halfWidth(row.get(i)));
      }
    }
    StringBuilder sep = new StringBuilder("+");
    for (int w : widths) {
      sep.append("-".repeat(w)).append('+');
    }
    sep.append('\n');
    sb.append(sep);
    for (int r = 0; r < cells.size(); r++) {
      sb.append('|');
      for (int i = 0; i < numCols; i++) {
        String cell = cells.get(r).get(i);
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

  private static void vertical(StringBuilder sb, List<List<String>> cells, int numCols) {
    List<String> header = cells.get(0);
    int fieldWidth = 0;
    for (String h : header) {
      fieldWidth = Math.max(fieldWidth, halfWidth(h));
    }
    int dataWidth = 0;
    for (List<String> row : cells.subList(1, cells.size())) {
      for (String c : row) {
        dataWidth = Math.max(dataWidth, halfWidth(c));
      }
    }
    for (int r = 1; r < cells.size(); r++) {
      String title = "-RECORD " + (r - 1);
      sb.append(title).append("-".repeat(Math.max(0, fieldWidth + dataWidth + 3 - title.length()))).append('\n');
      for (int i = 0; i < numCols; i++) {
        String h = header.get(i);
        String c = cells.get(r).get(i);
        sb.append(' ').append(h).append(" ".repeat(fieldWidth - halfWidth(h))).append(" | ").append(c)
            .append(" ".repeat(Math.max(0, dataWidth - halfWidth(c)))).append('\n');
      }
    }
  }

  static String cut(String s, int truncate) {
    if (truncate > 0 && s.length() > truncate) {
      return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
    }
    return s;
  }

  static int halfWidth(String s) {
    int extra = 0;
    var m = FULL_WIDTH.matcher(s);
    while (m.find()) {
      extra++;
    }
    return s.codePointCount(0, s.length()) + extra;
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
