package dev.quiver.executor.batch;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types;

/** Creating vectors for Quiver types (always through {@link ArrowTypes}, so every module agrees). */
public final class Vectors {
  private Vectors() {}

  /** A new, empty, nullable vector of {@code type}. */
  public static FieldVector create(String name, DataType type, BufferAllocator allocator) {
    return ArrowTypes.toArrowField(name, type, true).createVector(allocator);
  }

  /**
   * A new, empty vector of {@code src}'s field. Flat vectors are made from their minor type, skipping the visit
   * of the Arrow type that {@code Field.createVector} does, which showed in profiles of per-batch copies.
   */
  public static FieldVector emptyLike(FieldVector src, BufferAllocator allocator) {
    if ((src instanceof BaseFixedWidthVector || src instanceof BaseVariableWidthVector)
        && src.getMinorType() != Types.MinorType.EXTENSIONTYPE) {
      return src.getMinorType().getNewVector(src.getField(), allocator, null);
    }
    return src.getField().createVector(allocator);
  }

  /** A new vector with room for {@code capacity} values (fixed-width types preallocate; others grow). */
  public static FieldVector create(String name, DataType type, int capacity, BufferAllocator allocator) {
    FieldVector v = create(name, type, allocator);
    v.setInitialCapacity(Math.max(capacity, 1));
    v.allocateNew();
    return v;
  }
}
