package dev.quiver.formats.parquet;

import dev.quiver.formats.SourceFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The pushed filters a Parquet reader can evaluate itself, so that a batch's columns are converted only for
 * the rows that pass ("late materialization"). Each leaf predicate is judged once per entry of a column
 * chunk's dictionary; a row of a dictionary-encoded page then costs one bit lookup by its id, and its string
 * or double is never converted unless the row passes. Rows of plain-encoded pages are judged on their
 * converted values. On {@code l_shipdate} in one month, Q14 converts about one lineitem row in a hundred.
 *
 * <p>Only conjuncts made of comparisons, IN, IS NULL and string prefixes of int, date, bigint, double and
 * string columns, combined with AND/OR, are kept; the others are ignored (pushed filters are advisory: the plan
 * filters every row again). A row passes when every kept conjunct is TRUE, with Spark's comparison semantics
 * (NaN equals NaN and is above every other double, -0.0 equals 0.0, strings compare as unsigned UTF-8 bytes);
 * NOT is not kept, so "not TRUE" and "FALSE or NULL" never need telling apart.
 */
final class RowFilter {
  /** One predicate over decoded column vectors: clears in {@code rows} the bits of rows where it is not TRUE. */
  private sealed interface Node permits Compare, In, IsNull, StartsWith, And, Or {}

  private record Compare(int column, SourceFilter.Op op, Object value) implements Node {}

  private record In(int column, List<Object> values) implements Node {}

  private record IsNull(int column) implements Node {}

  private record StartsWith(int column, byte[] prefix) implements Node {}

  private record And(Node left, Node right) implements Node {}

  private record Or(Node left, Node right) implements Node {}

  /** A word with at most this many rows still passing is judged row by row, not all 64 rows branch-free. */
  private static final int SPARSE_ROWS = 16;

  private final List<Node> conjuncts;
  private final int[] columns;
  /** The leaf predicates, in the order of their ids. */
  private final List<Node> leaves = new ArrayList<>();
  private final IdentityHashMap<Node, Integer> leafIds = new IdentityHashMap<>();

  private RowFilter(List<Node> conjuncts, int[] columns) {
    this.conjuncts = conjuncts;
    this.columns = columns;
    for (Node c : conjuncts) {
      numberLeaves(c);
    }
  }

  private void numberLeaves(Node n) {
    if (n instanceof And a) {
      numberLeaves(a.left());
      numberLeaves(a.right());
    } else if (n instanceof Or o) {
      numberLeaves(o.left());
      numberLeaves(o.right());
    } else {
      leafIds.put(n, leaves.size());
      leaves.add(n);
    }
  }

  /**
   * The part of {@code filters} this reader can evaluate over the flat columns {@code flat} (true where the
   * requested column at that index is a top-level leaf), or empty when none.
   */
  static Optional<RowFilter> of(List<SourceFilter> filters, List<Field> fields, boolean[] flat) {
    List<Node> kept = new ArrayList<>();
    TreeSet<Integer> used = new TreeSet<>();
    for (SourceFilter f : filters == null ? List.<SourceFilter>of() : filters) {
      Node n = compile(f, fields, flat);
      if (n != null) {
        kept.add(n);
        collectColumns(n, used);
      }
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RowFilter(List.copyOf(kept), used.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** The requested columns (indexes) the filter reads, ascending. */
  int[] columns() {
    return columns.clone();
  }

  private static Node compile(SourceFilter f, List<Field> fields, boolean[] flat) {
    if (f instanceof SourceFilter.And a) {
      Node l = compile(a.left(), fields, flat);
      Node r = compile(a.right(), fields, flat);
      return l != null && r != null ? new And(l, r) : l != null ? l : r;
    }
    if (f instanceof SourceFilter.Or o) {
      Node l = compile(o.left(), fields, flat);
      Node r = compile(o.right(), fields, flat);
      return l != null && r != null ? new Or(l, r) : null;
    }
    if (f instanceof SourceFilter.IsNull n) {
      int c = column(n.column(), fields, flat);
      return c < 0 ? null : new IsNull(c);
    }
    // IS NOT NULL is not kept: the planner adds it for every join key, where it passes (nearly) every row, and
    // judging it would cost decoding a column the filter does not otherwise read.
    if (f instanceof SourceFilter.Compare cmp) {
      int c = column(cmp.column(), fields, flat);
      Object v = c < 0 ? null : value(fields.get(c), cmp.value());
      return v == null ? null : new Compare(c, cmp.op(), v);
    }
    if (f instanceof SourceFilter.In in) {
      int c = column(in.column(), fields, flat);
      if (c < 0) {
        return null;
      }
      List<Object> values = new ArrayList<>();
      for (Object x : in.values()) {
        Object v = value(fields.get(c), x);
        if (v == null) {
          return null;
        }
        values.add(v);
      }
      return new In(c, List.copyOf(values));
    }
    if (f instanceof SourceFilter.StringStartsWith s) {
      int c = column(s.column(), fields, flat);
      return c < 0 || kind(fields.get(c)) != Kind.STRING ? null
          : new StartsWith(c, s.prefix().getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  private static void collectColumns(Node n, TreeSet<Integer> out) {
    if (n instanceof And a) {
      collectColumns(a.left(), out);
      collectColumns(a.right(), out);
    } else if (n instanceof Or o) {
      collectColumns(o.left(), out);
      collectColumns(o.right(), out);
    } else {
      out.add(columnOf(n));
    }
  }

  private static int columnOf(Node leaf) {
    if (leaf instanceof Compare c) {
      return c.column();
    }
    if (leaf instanceof In i) {
      return i.column();
    }
    if (leaf instanceof IsNull c) {
      return c.column();
    }
    return ((StartsWith) leaf).column();
  }

  /** How the reader's filters compare a column's values (INT also holds dates in days). */
  enum Kind { INT, LONG, DOUBLE, STRING, OTHER }

  static Kind kind(Field f) {
    return switch (f.getType().getTypeID()) {
      case Int -> ((org.apache.arrow.vector.types.pojo.ArrowType.Int) f.getType()).getBitWidth() == 32 ? Kind.INT
          : ((org.apache.arrow.vector.types.pojo.ArrowType.Int) f.getType()).getBitWidth() == 64 ? Kind.LONG
          : Kind.OTHER;
      case Date -> ((org.apache.arrow.vector.types.pojo.ArrowType.Date) f.getType()).getUnit()
          == org.apache.arrow.vector.types.DateUnit.DAY ? Kind.INT : Kind.OTHER;
      case FloatingPoint -> ((org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint) f.getType()).getPrecision()
          == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE ? Kind.DOUBLE : Kind.OTHER;
      case Utf8 -> Kind.STRING;
      default -> Kind.OTHER;
    };
  }

  /** The literal in the column's own form, or null when the filter does not fit the column's type. */
  private static Object value(Field f, Object v) {
    return switch (kind(f)) {
      case INT -> v instanceof Integer ? v : null;
      case LONG -> v instanceof Long ? v : null;
      case DOUBLE -> v instanceof Double ? v : null;
      case STRING -> v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
      case OTHER -> null;
    };
  }

  /** The index of the requested column {@code name} if it is read as a flat leaf, else -1. */
  static int column(String name, List<Field> fields, boolean[] flat) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(name)) {
        return flat[i] ? i : -1;
      }
    }
    return -1;
  }

  /**
   * Per leaf id, which entries of a chunk's dictionary (converted into {@code dictionary}, slot i holding
   * entry i) pass the leaf, a bit per entry; null for the leaves of other columns than {@code column}.
   */
  long[][] dictionaryVerdicts(int column, FieldVector dictionary) {
    long[][] out = new long[leaves.size()][];
    int size = dictionary.getValueCount();
    for (int id = 0; id < leaves.size(); id++) {
      Node leaf = leaves.get(id);
      if (columnOf(leaf) != column) {
        continue;
      }
      long[] bits = new long[(size + 63) >>> 6];
      for (int e = 0; e < size; e++) {
        if (passesValue(leaf, dictionary, e)) {
          bits[e >>> 6] |= 1L << e;
        }
      }
      out[id] = bits;
    }
    return out;
  }

  /**
   * Sets in {@code rows} (one bit per row, {@code (n + 63) / 64} words) the rows of the batch that pass, given
   * the batch of each column in {@link #columns()} as the reader coded it; returns how many.
   */
  int evaluate(CodedColumn[] byColumn, int n, long[] rows) {
    int words = (n + 63) >>> 6;
    java.util.Arrays.fill(rows, 0, words, -1L);
    if ((n & 63) != 0) {
      rows[words - 1] = (1L << n) - 1;
    }
    applyConjunction(conjuncts, byColumn, n, rows);
    int count = 0;
    for (int w = 0; w < words; w++) {
      count += Long.bitCount(rows[w]);
    }
    return count;
  }

  /**
   * The rows of one 64-row word (set in {@code word}) whose dictionary id passes {@code verdict} (or, for a
   * null, {@code nullVerdict}).
   */
  private static long passByCode(int[] codes, long[] verdict, long nullVerdict, long word, int base, int n) {
    long pass = 0;
    if (Long.bitCount(word) <= SPARSE_ROWS) {
      // Few rows left in the word (an earlier conjunct dropped the rest): look up only those.
      for (long left = word; left != 0; left &= left - 1) {
        int j = Long.numberOfTrailingZeros(left);
        int code = codes[base + j];
        pass |= ((code >= 0 ? verdict[code >>> 6] >>> code : nullVerdict) & 1L) << j;
      }
    } else {
      int lim = Math.min(64, n - base);
      for (int j = 0; j < lim; j++) {
        int code = codes[base + j];
        pass |= ((code >= 0 ? verdict[code >>> 6] >>> code : nullVerdict) & 1L) << j;
      }
    }
    return pass;
  }

  /**
   * A conjunction: leaves on the same column whose rows are all dictionary ids are judged together, their
   * per-entry verdicts ANDed once per batch (a few words), so a row costs one lookup per column instead of
   * one per leaf (Q6's two ship-date and two discount bounds); everything else is applied in turn.
   */
  private void applyConjunction(List<Node> nodes, CodedColumn[] byColumn, int n, long[] rows) {
    List<Node> conjuncts = new ArrayList<>();
    for (Node node : nodes) {
      flattenAnd(node, conjuncts);
    }
    java.util.Map<Integer, List<Node>> byCodes = new java.util.LinkedHashMap<>();
    for (Node c : conjuncts) {
      if (!(c instanceof And) && !(c instanceof Or)) {
        CodedColumn column = byColumn[columnOf(c)];
        if (column.plainValues() == null && column.verdict(leafIds.get(c)) != null) {
          byCodes.computeIfAbsent(columnOf(c), k -> new ArrayList<>()).add(c);
          continue;
        }
      }
      apply(c, byColumn, n, rows);
    }
    for (java.util.Map.Entry<Integer, List<Node>> e : byCodes.entrySet()) {
      List<Node> leaves = e.getValue();
      if (leaves.size() == 1) {
        apply(leaves.get(0), byColumn, n, rows);
        continue;
      }
      CodedColumn column = byColumn[e.getKey()];
      long[] verdict = column.verdict(leafIds.get(leaves.get(0))).clone();
      long nullVerdict = leaves.get(0) instanceof IsNull ? 1 : 0;
      for (Node leaf : leaves.subList(1, leaves.size())) {
        long[] other = column.verdict(leafIds.get(leaf));
        for (int w = 0; w < verdict.length; w++) {
          verdict[w] &= other[w];
        }
        nullVerdict &= leaf instanceof IsNull ? 1 : 0;
      }
      int[] codes = column.codes();
      for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
        long word = rows[w];
        if (word != 0) {
          rows[w] = word & passByCode(codes, verdict, nullVerdict, word, w << 6, n);
        }
      }
    }
  }

  private static void flattenAnd(Node node, List<Node> out) {
    if (node instanceof And a) {
      flattenAnd(a.left(), out);
      flattenAnd(a.right(), out);
    } else {
      out.add(node);
    }
  }

  /** Clears the bits of rows where {@code node} is not TRUE. */
  private void apply(Node node, CodedColumn[] byColumn, int n, long[] rows) {
    if (node instanceof And) {
      applyConjunction(List.of(node), byColumn, n, rows);
      return;
    }
    if (node instanceof Or o) {
      long[] left = rows.clone();
      apply(o.left(), byColumn, n, left);
      long[] right = rows.clone();
      apply(o.right(), byColumn, n, right);
      for (int w = 0; w < rows.length; w++) {
        rows[w] &= left[w] | right[w];
      }
      return;
    }
    CodedColumn column = byColumn[columnOf(node)];
    int[] codes = column.codes();
    long[] verdict = column.verdict(leafIds.get(node));
    long nullVerdict = node instanceof IsNull ? 1 : 0;
    boolean anyPlain = column.plainValues() != null;
    for (int w = 0, words = (n + 63) >>> 6; w < words; w++) {
      long word = rows[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      long pass = 0;
      if (anyPlain) {
        for (long left = word; left != 0; left &= left - 1) {
          int j = Long.numberOfTrailingZeros(left);
          int code = codes[base + j];
          boolean passes = code >= 0 ? (verdict[code >>> 6] >>> code & 1) != 0
              : code == CodedColumn.NULL ? nullVerdict != 0 : passesValue(node, column.plainValues(), base + j);
          pass |= passes ? 1L << j : 0;
        }
      } else {
        pass = passByCode(codes, verdict, nullVerdict, word, base, n);
      }
      rows[w] = word & pass;
    }
  }

  /** Whether the non-null value in slot {@code r} of {@code v} passes the leaf. */
  private static boolean passesValue(Node leaf, FieldVector v, int r) {
    if (leaf instanceof IsNull) {
      return false;
    }
    return test(leaf, v, r);
  }

  private static boolean holds(SourceFilter.Op op, int cmp) {
    return switch (op) {
      case EQ -> cmp == 0;
      case LT -> cmp < 0;
      case LTE -> cmp <= 0;
      case GT -> cmp > 0;
      case GTE -> cmp >= 0;
    };
  }

  private static boolean test(Node node, FieldVector v, int r) {
    if (node instanceof Compare c) {
      return holds(c.op(), compare(v, r, c.value()));
    }
    if (node instanceof In in) {
      for (Object x : in.values()) {
        if (compare(v, r, x) == 0) {
          return true;
        }
      }
      return false;
    }
    StartsWith s = (StartsWith) node;
    BaseVariableWidthVector w = (BaseVariableWidthVector) v;
    long offsets = w.getOffsetBufferAddress();
    int start = MemoryUtil.getInt(offsets + 4L * r);
    int len = MemoryUtil.getInt(offsets + 4L * r + 4) - start;
    if (len < s.prefix().length) {
      return false;
    }
    long data = w.getDataBufferAddress() + start;
    for (int i = 0; i < s.prefix().length; i++) {
      if (MemoryUtil.getByte(data + i) != s.prefix()[i]) {
        return false;
      }
    }
    return true;
  }

  /** The row's value compared with {@code value} (of the column's kind), as Spark orders them. */
  private static int compare(FieldVector v, int r, Object value) {
    if (v instanceof IntVector || v instanceof DateDayVector) {
      return Integer.compare(MemoryUtil.getInt(((BaseFixedWidthVector) v).getDataBufferAddress() + 4L * r),
          (Integer) value);
    }
    if (v instanceof BigIntVector b) {
      return Long.compare(MemoryUtil.getLong(b.getDataBufferAddress() + 8L * r), (Long) value);
    }
    if (v instanceof Float8Vector d) {
      return compareDoubles(Double.longBitsToDouble(MemoryUtil.getLong(d.getDataBufferAddress() + 8L * r)), (Double) value);
    }
    VarCharVector s = (VarCharVector) v;
    byte[] b = (byte[]) value;
    long offsets = s.getOffsetBufferAddress();
    int start = MemoryUtil.getInt(offsets + 4L * r);
    int len = MemoryUtil.getInt(offsets + 4L * r + 4) - start;
    long data = s.getDataBufferAddress() + start;
    int common = Math.min(len, b.length);
    for (int i = 0; i < common; i++) {
      int x = MemoryUtil.getByte(data + i) & 0xFF;
      int y = b[i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return len - b.length;
  }

  /** Spark's double order: -0.0 equals 0.0, NaN equals NaN and is above everything else. */
  static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x == y) {
      return 0;
    }
    boolean xNaN = Double.isNaN(x);
    boolean yNaN = Double.isNaN(y);
    return xNaN == yNaN ? 0 : xNaN ? 1 : -1;
  }
}
