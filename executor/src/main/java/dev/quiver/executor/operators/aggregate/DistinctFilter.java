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
 * argument tuple. Rows with a null argument are dropped up front: every DISTINCT aggregate ignores them
 * (count(DISTINCT a, b) counts tuples without nulls).
 */
final class DistinctFilter implements AutoCloseable {
  private final GroupHashTable seen;
  private final BufferAllocator allocator;
  private int[] selected = new int[0];
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
    if (selected.length < n) {
      selected = new int[n];
      entryIds = new int[n];
      newRows = new int[n];
    }
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (noNulls(args, r)) {
        selected[m++] = r;
      }
    }
    List<FieldVector> keys = new ArrayList<>(args.length + 1);
    try {
      IntVector gid = new IntVector("group", allocator);
      keys.add(gid);
      gid.allocateNew(Math.max(m, 1));
      for (int i = 0; i < m; i++) {
        gid.set(i, groupIds[selected[i]]);
      }
      gid.setValueCount(m);
      for (FieldVector a : args) {
        keys.add(VectorRanges.gather(a, selected, m, allocator));
      }
      int fresh = seen.findOrInsert(keys, m, entryIds, newRows);
      FieldVector[] out = new FieldVector[args.length];
      int[] outIds = new int[fresh];
      for (int j = 0; j < fresh; j++) {
        outIds[j] = groupIds[selected[newRows[j]]];
      }
      try {
        for (int k = 0; k < args.length; k++) {
          out[k] = VectorRanges.gather(keys.get(k + 1), newRows, fresh, allocator);
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
    } finally {
      keys.forEach(FieldVector::close);
    }
  }

  private static boolean noNulls(FieldVector[] args, int r) {
    for (FieldVector a : args) {
      if (a.isNull(r)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    seen.close();
  }
}
