package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.List;

/** The relation with no rows that replaces a subtree proven empty; it keeps the subtree's output attributes. */
final class EmptyRelations {
  private EmptyRelations() {}

  static boolean isEmpty(LogicalPlan plan) {
    return plan instanceof LocalRelation r && r.rows().isEmpty();
  }

  static LocalRelation emptyLike(LogicalPlan plan) {
    return new LocalRelation(Plans.schemaOf(plan.output()), List.of(), plan.output());
  }
}
