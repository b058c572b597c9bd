package dev.quiver.planner.stages;

/**
 * SHUFFLE_MAP stages write their output partitioned for a later stage; BROADCAST stages produce rows that
 * every task of a consumer reads in full; the RESULT stage's output goes to the driver (or to files).
 */
public enum StageKind {
  SHUFFLE_MAP,
  BROADCAST,
  RESULT
}
