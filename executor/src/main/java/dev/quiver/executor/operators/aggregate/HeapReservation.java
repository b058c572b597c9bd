package dev.quiver.executor.operators.aggregate;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Charges on-heap arrays of an operator (hash slots, chains, group hashes) to the task's Arrow allocator,
 * so that they count against the task's memory budget like its vectors do and a leak shows up when the
 * allocator closes. The owner reports the total bytes it holds after every growth and closes the
 * reservation with the arrays.
 */
public final class HeapReservation implements AutoCloseable {
  private final BufferAllocator allocator;
  private long reserved;

  public HeapReservation(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * Sets the accounted size to {@code bytes}.
   *
   * @throws OutOfMemoryException when growing would exceed the allocator's limit (nothing is charged then)
   */
  public void resize(long bytes) {
    if (bytes > reserved) {
      long delta = bytes - reserved;
      if (!allocator.forceAllocate(delta)) {
        allocator.releaseBytes(delta);
        throw new OutOfMemoryException("Unable to reserve " + delta + " bytes of heap arrays in "
            + allocator.getName() + " (holding " + allocator.getAllocatedMemory() + " of "
            + allocator.getLimit() + " bytes)");
      }
      reserved = bytes;
    } else if (bytes < reserved) {
      allocator.releaseBytes(reserved - bytes);
      reserved = bytes;
    }
  }

  /** Accounts {@code additional} more bytes. */
  public void grow(long additional) {
    resize(reserved + additional);
  }

  public long bytes() {
    return reserved;
  }

  @Override
  public void close() {
    resize(0);
  }
}
