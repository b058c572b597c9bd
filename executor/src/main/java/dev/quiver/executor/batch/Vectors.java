package dev.quiver.executor.batch;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Creating vectors for Quiver types (always through {@link ArrowTypes}, so every module agrees). */
public final class Vectors {
  private Vectors() {}

  /** A new, empty, nullable vector of {@code type}. */
  public static FieldVector create(String name, DataType type, BufferAllocator allocator) {
    return ArrowTypes.toArrowField(name, type, true).createVector(allocator);
  }

  /** A new vector with room for {@code capacity} values (fixed-width types preallocate; others grow). */
  public static FieldVector create(String name, DataType type, int capacity, BufferAllocator allocator) {
    FieldVector v = create(name, type, allocator);
    v.setInitialCapacity(Math.max(capacity, 1));
    v.allocateNew();
    return v;
  }
}
