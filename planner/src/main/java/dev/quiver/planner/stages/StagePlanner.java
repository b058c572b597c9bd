package dev.quiver.planner.stages;

import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.CanonicalPlans;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlans;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a physical plan at every exchange: the subtree below a shuffle becomes a map stage, the subtree below
 * a broadcast a broadcast stage, and the exchange itself is replaced by a reader of that stage's output.
 *
 * <p>With exchange reuse (Spark's {@code spark.sql.exchange.reuse}), an exchange whose canonical plan equals
 * one already cut becomes a second reader of that exchange's stage instead of a stage of its own, so a
 * subquery a query uses twice (TPC-H Q15's revenue view, Q11's German part suppliers) is computed once. The
 * reader keeps its own output attributes, which match the stage's output by position. Cutting goes bottom-up,
 * so exchanges above a reused one compare equal too and are reused in turn.
 */
public final class StagePlanner {
  private StagePlanner() {}

  /** Cuts with exchange reuse, Spark's default. */
  public static StageDag cut(PhysicalPlan root) {
    return cut(root, true);
  }

  public static StageDag cut(PhysicalPlan root, boolean reuseExchanges) {
    List<Stage> stages = new ArrayList<>();
    Map<PhysicalPlan, StageId> cutExchanges = new HashMap<>();
    int[] next = {0};
    PhysicalPlan resultFragment = PhysicalPlans.transformUp(root, node -> {
      if (!(node instanceof ShuffleExchangeExec) && !(node instanceof BroadcastExchangeExec)) {
        return node;
      }
      PhysicalPlan canonical = reuseExchanges ? CanonicalPlans.of(node) : null;
      StageId reused = reuseExchanges ? cutExchanges.get(canonical) : null;
      if (reused != null) {
        return reader(node, reused);
      }
      StageId id = new StageId(next[0]++);
      if (reuseExchanges) {
        cutExchanges.put(canonical, id);
      }
      if (node instanceof ShuffleExchangeExec x) {
        stages.add(new Stage(id, StageKind.SHUFFLE_MAP, x.child(), PhysicalPlans.numPartitions(x.child()),
            x.partitioning(), parentsOf(x.child())));
      } else {
        PhysicalPlan child = ((BroadcastExchangeExec) node).child();
        stages.add(new Stage(id, StageKind.BROADCAST, child, PhysicalPlans.numPartitions(child),
            new Partitioning.Single(), parentsOf(child)));
      }
      return reader(node, id);
    });
    StageId resultId = new StageId(next[0]);
    stages.add(new Stage(resultId, StageKind.RESULT, resultFragment, PhysicalPlans.numPartitions(resultFragment),
        new Partitioning.Unknown(PhysicalPlans.numPartitions(resultFragment)), parentsOf(resultFragment)));
    return new StageDag(stages);
  }

  /** What stands for {@code exchange} in its consumer: a reader of stage {@code id}, in the exchange's own attributes. */
  private static PhysicalPlan reader(PhysicalPlan exchange, StageId id) {
    if (exchange instanceof ShuffleExchangeExec x) {
      return new ShuffleReadExec(id.id(), x.output(), x.partitioning());
    }
    return new BroadcastReadExec(id.id(), exchange.output());
  }

  /** The stages a fragment reads, each once (a self-join of a reused exchange reads one stage twice). */
  private static List<StageId> parentsOf(PhysicalPlan fragment) {
    Set<StageId> out = new LinkedHashSet<>();
    for (PhysicalPlan n : PhysicalPlans.collectNodes(fragment)) {
      if (n instanceof ShuffleReadExec r) {
        out.add(new StageId(r.stageId()));
      } else if (n instanceof BroadcastReadExec b) {
        out.add(new StageId(b.stageId()));
      }
    }
    return List.copyOf(out);
  }
}
