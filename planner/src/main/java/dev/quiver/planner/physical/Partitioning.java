package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** How rows are spread over the partitions of an operator's output. */
public sealed interface Partitioning {
  int numPartitions();

  /** Everything in one partition. */
  record Single() implements Partitioning {
    @Override
    public int numPartitions() {
      return 1;
    }
  }

  /** Rows with equal values of {@code expressions} are in the same partition (Spark's Murmur3 hash, pmod n). */
  record Hash(List<Expression> expressions, int numPartitions) implements Partitioning {
    public Hash {
      expressions = List.copyOf(expressions);
    }
  }

  /** Rows dealt out in turn. */
  record RoundRobin(int numPartitions) implements Partitioning {}

  /** No known property. */
  record Unknown(int numPartitions) implements Partitioning {}
}
