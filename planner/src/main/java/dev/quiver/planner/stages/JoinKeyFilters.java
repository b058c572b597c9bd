package dev.quiver.planner.stages;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Selectivity;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ShuffleReadExec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Join key filters between the two map stages of a shuffled hash join: one side (the recording stage) runs
 * first and records the keys it writes; the other side's map tasks then write only rows whose key the first
 * side may have, since the join would drop the others (TPC-H Q18 shuffles the lineitems of 57 orders, not
 * all 6M). Which side records: the one the join type allows (an anti or outer join's preserved side keeps
 * its unmatched rows, so it can only record); if both, the side whose stage filters its rows (a likely
 * selective condition, a semi join, or an inner join with a broadcast side that does) while the other does
 * not, else the side the join builds its table of
 * (the smaller by the estimates). A stage is filtered only when that join is its only reader. A side that
 * only filters the rows of a map stage on the same keys (a semi join's output) records through that stage.
 *
 * @param dag the job's stages, reordered so every recording stage (and what it reads) comes before the stage
 *     it filters, which also runs after it ({@link StageDag#runsAfter})
 * @param keysFrom per filtered map stage, the map stage whose recorded keys filter it
 */
public record JoinKeyFilters(StageDag dag, Map<StageId, StageId> keysFrom) {
  public JoinKeyFilters {
    keysFrom = Map.copyOf(keysFrom);
  }

  public static JoinKeyFilters none(StageDag dag) {
    return new JoinKeyFilters(dag, Map.of());
  }

  public static JoinKeyFilters plan(StageDag dag) {
    Map<Integer, Integer> readers = new HashMap<>();
    List<HashJoinExec> joins = new ArrayList<>();
    for (Stage s : dag.stages()) {
      collect(s.fragment(), readers, joins);
    }
    Map<StageId, Set<StageId>> extraParents = new HashMap<>();
    Map<StageId, StageId> keysFrom = new LinkedHashMap<>();
    for (HashJoinExec j : joins) {
      // A side read directly from its map stage can be filtered or record; a side that only drops rows of a
      // map stage on the same keys (a semi join's output, TPC-H Q21's anti join) can record through that stage,
      // whose keys include the side's.
      ShuffleReadExec l = directRead(j.left(), j.leftKeys());
      ShuffleReadExec r = directRead(j.right(), j.rightKeys());
      ShuffleReadExec lSource = l != null ? l : sourceRead(j.left(), j.leftKeys());
      ShuffleReadExec rSource = r != null ? r : sourceRead(j.right(), j.rightKeys());
      boolean filterRight = r != null && lSource != null && !j.joinType().preservesRight()
          && readers.get(r.stageId()) == 1;
      boolean filterLeft = l != null && rSource != null && !j.joinType().preservesLeft()
          && readers.get(l.stageId()) == 1;
      if (filterLeft && filterRight) {
        boolean leftReduced = reduces(dag, dag.stage(new StageId(l.stageId())).fragment());
        boolean rightReduced = reduces(dag, dag.stage(new StageId(r.stageId())).fragment());
        boolean recordLeft = leftReduced != rightReduced ? leftReduced : j.buildSide() == BuildSide.LEFT;
        filterLeft = !recordLeft;
        filterRight = recordLeft;
      }
      if (!(filterLeft || filterRight)) {
        continue;
      }
      StageId left = new StageId((filterRight ? lSource : l).stageId());
      StageId right = new StageId((filterRight ? r : rSource).stageId());
      StageId recording = filterRight ? left : right;
      StageId filtered = filterRight ? right : left;
      if (keysFrom.containsKey(filtered) || ancestors(dag, recording, extraParents).contains(filtered)) {
        continue;
      }
      keysFrom.put(filtered, recording);
      extraParents.computeIfAbsent(filtered, k -> new LinkedHashSet<>()).add(recording);
    }
    if (keysFrom.isEmpty()) {
      return none(dag);
    }
    List<Stage> ordered = new ArrayList<>();
    Set<StageId> placed = new HashSet<>();
    for (Stage s : dag.stages()) {
      place(dag, s.id(), extraParents, placed, ordered);
    }
    return new JoinKeyFilters(new StageDag(ordered, extraParents), keysFrom);
  }

  /**
   * The side itself when it reads a map stage partitioned by the hash of exactly the join's keys (the hash
   * both filters use), else null.
   */
  private static ShuffleReadExec directRead(PhysicalPlan side, List<Expression> keys) {
    return side instanceof ShuffleReadExec read && read.partitioning() instanceof Partitioning.Hash h
        && h.expressions().equals(keys) ? read : null;
  }

  /**
   * The map stage read whose rows a side only filters, keeping the key columns as they are: through filters
   * and the left side of semi and anti joins; null when the side is anything else.
   */
  private static ShuffleReadExec sourceRead(PhysicalPlan side, List<Expression> keys) {
    ShuffleReadExec read = directRead(side, keys);
    if (read != null) {
      return read;
    }
    if (side instanceof FilterExec f) {
      return sourceRead(f.child(), keys);
    }
    if (side instanceof HashJoinExec j && (j.joinType() == JoinType.LEFT_SEMI || j.joinType() == JoinType.LEFT_ANTI)) {
      return sourceRead(j.left(), keys);
    }
    return null;
  }

  private static void collect(PhysicalPlan plan, Map<Integer, Integer> readers, List<HashJoinExec> joins) {
    if (plan instanceof ShuffleReadExec read) {
      readers.merge(read.stageId(), 1, Integer::sum);
    }
    if (plan instanceof HashJoinExec j && !j.broadcast()) {
      joins.add(j);
    }
    for (PhysicalPlan c : plan.children()) {
      collect(c, readers, joins);
    }
  }

  /**
   * Whether a stage's fragment drops rows on purpose: a likely selective filter, a semi join, or an inner join
   * with a broadcast side that does (TPC-H Q10's customers meet the orders of one quarter that way).
   */
  private static boolean reduces(StageDag dag, PhysicalPlan plan) {
    if (plan instanceof FilterExec f && Selectivity.isLikelySelective(f.condition())) {
      return true;
    }
    if (plan instanceof HashJoinExec j) {
      if (j.joinType() == JoinType.LEFT_SEMI) {
        return true;
      }
      if (j.joinType() == JoinType.INNER && j.broadcast()) {
        PhysicalPlan build = j.buildSide() == BuildSide.LEFT ? j.left() : j.right();
        if (build instanceof BroadcastReadExec b && reduces(dag, dag.stage(new StageId(b.stageId())).fragment())) {
          return true;
        }
      }
    }
    for (PhysicalPlan c : plan.children()) {
      if (reduces(dag, c)) {
        return true;
      }
    }
    return false;
  }

  private static Set<StageId> ancestors(StageDag dag, StageId id, Map<StageId, Set<StageId>> extraParents) {
    Set<StageId> seen = new HashSet<>();
    List<StageId> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      StageId s = todo.remove(todo.size() - 1);
      if (seen.add(s)) {
        todo.addAll(dag.stage(s).parents());
        todo.addAll(extraParents.getOrDefault(s, Set.of()));
      }
    }
    return seen;
  }

  private static void place(StageDag dag, StageId id, Map<StageId, Set<StageId>> extraParents, Set<StageId> placed,
      List<Stage> ordered) {
    if (placed.contains(id)) {
      return;
    }
    Stage stage = dag.stage(id);
    for (StageId p : stage.parents()) {
      place(dag, p, extraParents, placed, ordered);
    }
    for (StageId p : extraParents.getOrDefault(id, Set.of())) {
      place(dag, p, extraParents, placed, ordered);
    }
    placed.add(id);
    ordered.add(stage);
  }
}
