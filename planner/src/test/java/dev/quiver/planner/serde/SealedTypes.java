package dev.quiver.planner.serde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The concrete records behind a sealed interface, for tests that must notice a newly added record. */
final class SealedTypes {
  private SealedTypes() {}

  /** Every non-sealed-interface class reachable through permitted subclasses (sealed sub-interfaces expanded). */
  static List<Class<?>> concreteRecords(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    collect(sealed, out);
    return out;
  }

  private static void collect(Class<?> type, List<Class<?>> out) {
    if (type.isSealed()) {
      for (Class<?> c : type.getPermittedSubclasses()) {
        collect(c, out);
      }
    } else {
      out.add(type);
    }
  }

  /** The records of {@code sealed} that no element of {@code samples} is an instance of. */
  static List<String> withoutSample(Class<?> sealed, Collection<?> samples) {
    List<String> missing = new ArrayList<>();
    for (Class<?> c : concreteRecords(sealed)) {
      if (samples.stream().noneMatch(c::isInstance)) {
        missing.add(c.getSimpleName());
      }
    }
    return missing;
  }
}
