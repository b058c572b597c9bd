package dev.quiver.planner.stages;

import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlans;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a physical plan at every exchange: the subtree below a shuffle becomes a map stage, the subtree below
 * a broadcast a broadcast stage, and the exchange itself is replaced by a reader of that stage's output.
 */
public final class StagePlanner {
  private StagePlanner() {}

  public static StageDag cut(PhysicalPlan root) {
    List<Stage> stages = new ArrayList<>();
    int[] next = {0};
    PhysicalPlan resultFragment = PhysicalPlans.transformUp(root, node -> {
      if (node instanceof ShuffleExchangeExec x) {
        StageId id = new StageId(next[0]++);
        stages.add(new Stage(id, StageKind.SHUFFLE_MAP, x.child(), PhysicalPlans.numPartitions(x.child()),
            x.partitioning(), parentsOf(x.child())));
        return new ShuffleReadExec(id.id(), x.output(), x.partitioning());
      }
      if (node instanceof BroadcastExchangeExec b) {
        StageId id = new StageId(next[0]++);
        stages.add(new Stage(id, StageKind.BROADCAST, b.child(), PhysicalPlans.numPartitions(b.child()),
            new Partitioning.Single(), parentsOf(b.child())));
        return new BroadcastReadExec(id.id(), b.output());
      }
      return node;
    });
    StageId resultId = new StageId(next[0]);
    stages.add(new Stage(resultId, StageKind.RESULT, resultFragment, PhysicalPlans.numPartitions(resultFragment),
        new Partitioning.Unknown(PhysicalPlans.numPartitions(resultFragment)), parentsOf(resultFragment)));
    return new StageDag(stages);
  }

  private static List<StageId> parentsOf(PhysicalPlan fragment) {
    List<StageId> out = new ArrayList<>();
    for (PhysicalPlan n : PhysicalPlans.collectNodes(fragment)) {
      if (n instanceof ShuffleReadExec r) {
        out.add(new StageId(r.stageId()));
      } else if (n instanceof BroadcastReadExec b) {
        out.add(new StageId(b.stageId()));
      }
    }
    return out;
  }
}
