package dev.quiver.planner.optimizer;

import java.util.List;

/** Rules run together; a fixed-point batch repeats until the plan stops changing. */
public record RuleBatch(String name, boolean fixedPoint, List<Rule> rules) {
  public RuleBatch {
    rules = List.copyOf(rules);
  }
}
