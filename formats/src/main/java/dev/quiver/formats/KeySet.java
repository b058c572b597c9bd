package dev.quiver.formats;

/**
 * The integral keys one side of a join holds, known only when a task runs (a broadcast join's build side): a
 * reader given {@link SourceFilter.KeysIn} may drop the rows whose key is not in it, because the join would
 * drop them anyway. Reads only; safe to share between the tasks of a process.
 */
public interface KeySet {
  /** Whether {@code key} (an int, date or bigint column's value, widened to a long) is in the set. */
  boolean contains(long key);

  /** At most this many keys are in the set; readers judge smaller sets first, as they drop more rows. */
  int sizeBound();
}
