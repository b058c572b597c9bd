package dev.quiver.executor.operators.window;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;

/**
 * The ranking functions, as Spark defines them over the partition's order: row_number (1, 2, 3, ...), rank
 * (ties share the rank of their first row, leaving gaps), dense_rank (no gaps), percent_rank
 * ((rank - 1) / (rows - 1), 0 for a single row), cume_dist (rows up to and including the row's last peer,
 * divided by the rows of the partition) and ntile(n) (n buckets, the first {@code rows % n} one row larger).
 * Ties are rows with equal ORDER BY values (nulls equal). Frames do not apply.
 */
final class RankingFunction implements WindowFunction {
  enum Kind { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE }

  private final Kind kind;
  private final int buckets;

  private RankingFunction(Kind kind, int buckets) {
    this.kind = kind;
    this.buckets = buckets;
  }

  static RankingFunction of(Kind kind) {
    return new RankingFunction(kind, 0);
  }

  /** ntile with its (constant) number of buckets, which must be positive. */
  static RankingFunction ntile(Object buckets) {
    if (!(buckets instanceof Number n) || n.longValue() <= 0 || n.longValue() > Integer.MAX_VALUE) {
      throw AnsiErrors.invalidParameter("ntile", "`buckets`", "expects a positive int value, but got "
          + buckets + ".");
    }
    return new RankingFunction(Kind.NTILE, n.intValue());
  }

  @Override
  public DataType resultType() {
    return kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST ? DataTypes.DoubleType : DataTypes.IntegerType;
  }

  @Override
  public int argumentCount() {
    return 0;
  }

  @Override
  public void compute(WindowPartitionBuffer p, int firstArg, FieldVector out) {
    int n = p.size();
    switch (kind) {
      case ROW_NUMBER: {
        IntVector o = (IntVector) out;
        for (int i = 0; i < n; i++) {
          o.set(i, i + 1);
        }
        break;
      }
      case RANK: {
        IntVector o = (IntVector) out;
        for (int i = 0; i < n; i++) {
          o.set(i, p.peerStart(i) + 1);
        }
        break;
      }
      case DENSE_RANK: {
        IntVector o = (IntVector) out;
        int rank = 0;
        for (int i = 0; i < n; i++) {
          if (p.peerStart(i) == i) {
            rank++;
          }
          o.set(i, rank);
        }
        break;
      }
      case PERCENT_RANK: {
        Float8Vector o = (Float8Vector) out;
        for (int i = 0; i < n; i++) {
          o.set(i, n <= 1 ? 0.0 : (double) p.peerStart(i) / (n - 1));
        }
        break;
      }
      case CUME_DIST: {
        Float8Vector o = (Float8Vector) out;
        for (int i = 0; i < n; i++) {
          o.set(i, (double) p.peerEnd(i) / n);
        }
        break;
      }
      default: {
        IntVector o = (IntVector) out;
        int size = n / buckets;
        int bigger = n % buckets;
        // The first `bigger` buckets hold size + 1 rows.
        long bigRows = (long) bigger * (size + 1);
        for (int i = 0; i < n; i++) {
          int bucket = i < bigRows ? i / (size + 1) : (int) (bigger + (i - bigRows) / size);
          o.set(i, bucket + 1);
        }
        break;
      }
    }
  }
}
