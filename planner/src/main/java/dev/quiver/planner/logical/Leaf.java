package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Helpers for leaf relations, whose output attributes are created when the analyzer first sees them. */
final class Leaf {
  private Leaf() {}

  static List<AttributeReference> freshAttributes(StructType schema) {
    List<AttributeReference> out = new ArrayList<>(schema.length());
    for (StructField f : schema.fieldList()) {
      out.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
    }
    return out;
  }

  static void checkNoChildren(List<LogicalPlan> children, String node) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException(node + " is a leaf and takes no children");
    }
  }
}
