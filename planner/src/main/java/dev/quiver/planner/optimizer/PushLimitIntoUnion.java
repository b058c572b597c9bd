package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Union;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a limit into every input of a Union (Spark's LimitPushDown for unions): n rows of the union need
 * at most n rows of each input. The limit stays on top, since together the inputs may still return more.
 * Inputs already proven to return at most n rows are left alone, so the rule stops at a fixed point.
 *
 * <pre>
 * Limit 10                  Limit 10
 * +- Union            =>    +- Union
 *    :- A                      :- Limit 10
 *    +- B                      :  +- A
 *                              +- Limit 10
 *                                 +- B
 * </pre>
 */
public final class PushLimitIntoUnion implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> {
      if (node instanceof Limit l && l.child() instanceof Union u) {
        List<LogicalPlan> children = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan c : u.children()) {
          boolean bounded = MaxRows.atMost(c, l.limit());
          children.add(bounded ? c : new Limit(l.limit(), c));
          changed |= !bounded;
        }
        return changed ? new Limit(l.limit(), u.withChildren(children)) : l;
      }
      return node;
    });
  }
}
