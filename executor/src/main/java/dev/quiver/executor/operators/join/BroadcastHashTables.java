package dev.quiver.executor.operators.join;

import dev.quiver.executor.operators.Operators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The hash tables built over one broadcast's rows, shared by every task of the process that joins against
 * that broadcast, so that a table is built once per process rather than once per task (with local[2] and six
 * lineitem tasks, TPC-H Q7 built its 1.5M-row orders table six times). It belongs to whoever owns the
 * broadcast's rows, which closes it when it drops them.
 *
 * <p>Each table is reference counted: the holder keeps one reference until {@link #close()}, and each task
 * using the table one more, given back when the task's join releases it (also on failure or cancellation).
 * The table is freed by whichever gives back the last reference, so a task still probing a table is never
 * pulled out from under, and a table is freed exactly once. Its memory is charged to the holder's allocator,
 * not to a task's. Tables are told apart by a key (the build-side key expressions and schema), since one
 * broadcast can be joined on different keys.
 */
public final class BroadcastHashTables implements AutoCloseable {
  private final BufferAllocator allocator;
  /** Guarded by {@code this}, as is each entry's reference count. */
  private final Map<Object, Entry> entries = new HashMap<>();
  private boolean closed;

  /** @param allocator where the tables' vectors and heap arrays are charged: the broadcast rows' owner's */
  public BroadcastHashTables(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** One table and how many hold it; {@code table} is written once, by its builder, under the entry's lock. */
  private static final class Entry {
    final Object key;
    int references = 1;
    volatile JoinHashTable table;

    Entry(Object key) {
      this.key = key;
    }
  }

  /** A task's hold on a shared table; closing it gives the reference back. */
  final class Lease implements AutoCloseable {
    private Entry entry;

    private Lease(Entry entry) {
      this.entry = entry;
    }

    JoinHashTable table() {
      return entry.table;
    }

    @Override
    public void close() {
      if (entry != null) {
        release(entry);
        entry = null;
      }
    }
  }

  /**
   * The table for {@code key}, built by {@code build} (over the holder's allocator) if no task built it yet;
   * a task that asks while another builds it waits for that build. A failed build leaves nothing behind,
   * so the next task builds again.
   */
  Lease acquire(Object key, Function<BufferAllocator, JoinHashTable> build) {
    Entry entry;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("Internal error: a task joined against a broadcast already released");
      }
      entry = entries.computeIfAbsent(key, Entry::new);
      entry.references++;
    }
    try {
      synchronized (entry) {
        if (entry.table == null) {
          entry.table = build.apply(allocator);
        }
      }
    } catch (RuntimeException | Error e) {
      release(entry);
      throw e;
    }
    return new Lease(entry);
  }

  private void release(Entry entry) {
    JoinHashTable unused = null;
    synchronized (this) {
      if (--entry.references == 0) {
        entries.remove(entry.key, entry);
        unused = entry.table;
        entry.table = null;
      }
    }
    if (unused != null) {
      unused.close();
    }
  }

  /** Gives back the holder's references: tables no task holds are freed now, the others by their last task. */
  @Override
  public void close() {
    List<AutoCloseable> held = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Entry e : entries.values()) {
        held.add(() -> release(e));
      }
    }
    Operators.closeAll(held);
  }
}
