package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The per-group distinct sets of an aggregate with DISTINCT: a second hash table keyed by (group id,
 * argument values). A batch's rows pass on to the aggregate only the first time their group sees their
 * argument tuple. A tuple with nulls is a value like any other, as in Spark (which makes rows distinct by
 * grouping on the arguments): the aggregates that ignore nulls skip it themselves (count(DISTINCT a, b)
 * counts tuples without nulls, sum and min skip a null), and those that keep them see it once
 * (first(DISTINCT x) may be null, max_by(DISTINCT x, o) may pick a null x).
 */
final class DistinctFilter implements AutoCloseable {
  private final GroupHashTable seen;
  private final BufferAllocator allocator;
  private int[] entryIds = new int[0];
  private int[] newRows = new int[0];

  /** The rows of a batch that are new to their group's set: compacted arguments and their group ids. */
  record Passed(FieldVector[] args, int[] groupIds, int count) implements AutoCloseable {
    @Override
    public void close() {
      for (FieldVector v : args) {
        v.close();
      }
    }
  }

  DistinctFilter(List<DataType> argTypes, BufferAllocator allocator) {
    List<DataType> keyTypes = new ArrayList<>();
    keyTypes.add(DataTypes.IntegerType);
    keyTypes.addAll(argTypes);
    this.seen = new GroupHashTable(keyTypes, allocator);
    this.allocator = allocator;
  }

  Passed filter(FieldVector[] args, int[] groupIds, int n) {
    if (entryIds.length < n) {
      entryIds = new int[n];
      newRows = new int[n];
    }
    List<FieldVector> keys = new ArrayList<>(args.length + 1);
    try (IntVector gid = new IntVector("group", allocator)) {
      gid.allocateNew(Math.max(n, 1));
      for (int i = 0; i < n; i++) {
        gid.set(i, groupIds[i]);
      }
      gid.setValueCount(n);
      keys.add(gid);
      keys.addAll(List.of(args));
      int fresh = seen.findOrInsert(keys, n, entryIds, newRows);
      FieldVector[] out = new FieldVector[args.length];
      int[] outIds = new int[fresh];
      for (int j = 0; j < fresh; j++) {
        outIds[j] = groupIds[newRows[j]];
      }
      try {
        for (int k = 0; k < args.length; k++) {
          out[k] = VectorRanges.gather(args[k], newRows, fresh, allocator);
        }
      } catch (RuntimeException e) {
        for (FieldVector v : out) {
          if (v != null) {
            v.close();
          }
        }
        throw e;
      }
      return new Passed(out, outIds, fresh);
    }
  }

  @Override
  public void close() {
    seen.close();
  }
}
