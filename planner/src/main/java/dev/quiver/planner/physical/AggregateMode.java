package dev.quiver.planner.physical;

/**
 * The phases of a two-phase aggregation: PARTIAL emits per-group buffers before a shuffle (from input rows, or,
 * in the middle phases of a DISTINCT aggregation, for some aggregates by merging earlier buffers; see
 * {@link HashAggregateExec#fromBuffers()}), FINAL merges the buffers after it; COMPLETE does both in one
 * operator (used for DISTINCT aggregates whose input is clustered by the group keys).
 */
public enum AggregateMode {
  PARTIAL,
  FINAL,
  COMPLETE
}
