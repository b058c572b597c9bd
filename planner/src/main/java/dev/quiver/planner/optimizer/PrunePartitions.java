package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.sql.types.StructField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drops the files of a partitioned scan that a Filter above rules out by their directory values (Spark's
 * partition pruning): a conjunct over partition columns only is evaluated against each file's partition
 * values, and a file for which it is false or null is not read. Conservative: only comparisons, IsNull,
 * IsNotNull and IN of a partition column with literals of its type, combined by AND, OR and NOT, are
 * evaluated; anything else, or values that cannot be compared, keeps the file. The Filter stays.
 *
 * <pre>
 * Filter (year#2 = 2024)                               Filter (year#2 = 2024)
 * +- FileRelation [a#1, year#2]                  =>    +- FileRelation [a#1, year#2]
 *    files: year=2023/f0, year=2024/f1                    files: year=2024/f1
 * </pre>
 */
public final class PrunePartitions implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Filter f ? prune(f) : node);
  }

  /** Three-valued truth, plus "cannot tell", which never drops a file. */
  private enum Truth {
    TRUE, FALSE, NULL, UNKNOWN;

    static Truth of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  private static LogicalPlan prune(Filter f) {
    Optional<ScanFilters> scan = ScanFilters.under(f);
    if (scan.isEmpty()) {
      return f;
    }
    Set<ExprId> partitionColumns = scan.get().partitionColumns();
    if (partitionColumns.isEmpty()) {
      return f;
    }
    List<Expression> predicates = new ArrayList<>();
    for (Expression c : scan.get().conjuncts()) {
      if (!AttributeIds.references(c).isEmpty() && AttributeIds.refersOnlyTo(c, partitionColumns)) {
        predicates.add(c);
      }
    }
    if (predicates.isEmpty()) {
      return f;
    }
    FileRelation relation = scan.get().relation();
    FileSource source = relation.source();
    Map<ExprId, Integer> positions = positions(relation, source);
    List<FileSource.SourceFile> kept = new ArrayList<>();
    for (FileSource.SourceFile file : source.files()) {
      if (mayMatch(predicates, file, positions)) {
        kept.add(file);
      }
    }
    if (kept.size() == source.files().size()) {
      return f;
    }
    FileSource pruned = new FileSource(source.format(), source.paths(), source.options(), source.dataSchema(),
        source.partitionSchema(), kept);
    return scan.get().over(new FileRelation(pruned, relation.output(), relation.pushedFilters()));
  }

  /** For each partition column of the relation, its index in the files' partition values. */
  private static Map<ExprId, Integer> positions(FileRelation relation, FileSource source) {
    List<StructField> fields = source.partitionSchema().fieldList();
    Map<ExprId, Integer> positions = new HashMap<>();
    for (AttributeReference a : relation.output()) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(a.name())) {
          positions.put(a.exprId(), i);
        }
      }
    }
    return positions;
  }

  private static boolean mayMatch(List<Expression> predicates, FileSource.SourceFile file,
      Map<ExprId, Integer> positions) {
    for (Expression p : predicates) {
      Truth t = eval(p, file, positions);
      if (t == Truth.FALSE || t == Truth.NULL) {
        return false;
      }
    }
    return true;
  }

  private static Truth eval(Expression e, FileSource.SourceFile file, Map<ExprId, Integer> positions) {
    if (e instanceof And a) {
      Truth l = eval(a.left(), file, positions);
      Truth r = eval(a.right(), file, positions);
      if (l == Truth.FALSE || r == Truth.FALSE) {
        return Truth.FALSE;
      }
      if (l == Truth.UNKNOWN || r == Truth.UNKNOWN) {
        return Truth.UNKNOWN;
      }
      return l == Truth.TRUE && r == Truth.TRUE ? Truth.TRUE : Truth.NULL;
    }
    if (e instanceof Or o) {
      Truth l = eval(o.left(), file, positions);
      Truth r = eval(o.right(), file, positions);
      if (l == Truth.TRUE || r == Truth.TRUE) {
        return Truth.TRUE;
      }
      if (l == Truth.UNKNOWN || r == Truth.UNKNOWN) {
        return Truth.UNKNOWN;
      }
      return l == Truth.FALSE && r == Truth.FALSE ? Truth.FALSE : Truth.NULL;
    }
    if (e instanceof Not n) {
      Truth c = eval(n.child(), file, positions);
      return c == Truth.TRUE ? Truth.FALSE : c == Truth.FALSE ? Truth.TRUE : c;
    }
    if (e instanceof IsNull n && n.child() instanceof AttributeReference a && positions.containsKey(a.exprId())) {
      return Truth.of(valueOf(a, file, positions) == null);
    }
    if (e instanceof IsNotNull n && n.child() instanceof AttributeReference a && positions.containsKey(a.exprId())) {
      return Truth.of(valueOf(a, file, positions) != null);
    }
    if (e instanceof Comparison c) {
      if (c.left() instanceof AttributeReference a && c.right() instanceof Literal l) {
        return compare(c.op(), a, l, file, positions);
      }
      if (c.right() instanceof AttributeReference a && c.left() instanceof Literal l) {
        return compare(c.op().flip(), a, l, file, positions);
      }
      return Truth.UNKNOWN;
    }
    if (e instanceof In in && in.value() instanceof AttributeReference a && positions.containsKey(a.exprId())) {
      return in(a, in.list(), file, positions);
    }
    return Truth.UNKNOWN;
  }

  private static Object valueOf(AttributeReference a, FileSource.SourceFile file, Map<ExprId, Integer> positions) {
    return file.partitionValues().get(positions.get(a.exprId()));
  }

  /** {@code column op literal} for this file's value of the column. */
  private static Truth compare(ComparisonOp op, AttributeReference column, Literal literal,
      FileSource.SourceFile file, Map<ExprId, Integer> positions) {
    if (!positions.containsKey(column.exprId()) || !literal.dataType().equals(column.dataType())) {
      return Truth.UNKNOWN;
    }
    Object v = valueOf(column, file, positions);
    Object l = literal.value();
    if (v == null || l == null) {
      if (op == ComparisonOp.NULL_SAFE_EQ) {
        return Truth.of(v == null && l == null);
      }
      return Truth.NULL;
    }
    Optional<Integer> cmp = PartitionValues.compare(v, l);
    if (cmp.isEmpty()) {
      return Truth.UNKNOWN;
    }
    int c = cmp.get();
    switch (op) {
      case EQ:
      case NULL_SAFE_EQ:
        return Truth.of(c == 0);
      case LT:
        return Truth.of(c < 0);
      case LTE:
        return Truth.of(c <= 0);
      case GT:
        return Truth.of(c > 0);
      case GTE:
        return Truth.of(c >= 0);
      default:
        return Truth.UNKNOWN;
    }
  }

  /** {@code column IN (list)}: true on a match, else null if the value or an element is null, else false. */
  private static Truth in(AttributeReference column, List<Expression> list, FileSource.SourceFile file,
      Map<ExprId, Integer> positions) {
    Object v = valueOf(column, file, positions);
    boolean sawNull = v == null;
    for (Expression e : list) {
      if (!(e instanceof Literal l) || !l.dataType().equals(column.dataType())) {
        return Truth.UNKNOWN;
      }
      if (l.isNull()) {
        sawNull = true;
        continue;
      }
      if (v == null) {
        continue;
      }
      Optional<Integer> cmp = PartitionValues.compare(v, l.value());
      if (cmp.isEmpty()) {
        return Truth.UNKNOWN;
      }
      if (cmp.get() == 0) {
        return Truth.TRUE;
      }
    }
    return sawNull ? Truth.NULL : Truth.FALSE;
  }

  /** Spark's ordering of internal values of one type, where Java's differs from it. */
  static final class PartitionValues {
    private PartitionValues() {}

    /** Empty when the two values are not of one comparable kind: the caller must then keep the file. */
    static Optional<Integer> compare(Object a, Object b) {
      if (a instanceof String x && b instanceof String y) {
        // Spark orders strings by their UTF-8 bytes, which differs from UTF-16 order above U+FFFF.
        return Optional.of(compareUtf8(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
      }
      if (a instanceof Double x && b instanceof Double y) {
        return Optional.of(compareFloating(x, y));
      }
      if (a instanceof Float x && b instanceof Float y) {
        return Optional.of(compareFloating(x, y));
      }
      if (a.getClass() == b.getClass() && a instanceof Comparable<?>) {
        @SuppressWarnings("unchecked")
        Comparable<Object> c = (Comparable<Object>) a;
        return Optional.of(c.compareTo(b));
      }
      return Optional.empty();
    }

    /** NaN equals NaN and is above everything; -0.0 equals 0.0 (Java's compare says otherwise). */
    private static int compareFloating(double x, double y) {
      boolean xNaN = Double.isNaN(x);
      boolean yNaN = Double.isNaN(y);
      if (xNaN || yNaN) {
        return xNaN && yNaN ? 0 : xNaN ? 1 : -1;
      }
      return x == y ? 0 : x < y ? -1 : 1;
    }

    private static int compareUtf8(byte[] x, byte[] y) {
      int n = Math.min(x.length, y.length);
      for (int i = 0; i < n; i++) {
        int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.length, y.length);
    }
  }
}
