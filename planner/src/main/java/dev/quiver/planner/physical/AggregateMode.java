package dev.quiver.planner.physical;

/**
 * The phases of a two-phase aggregation: PARTIAL turns input rows into per-group buffers before a shuffle,
 * FINAL merges the buffers after it; COMPLETE does both in one operator (used for DISTINCT aggregates, whose
 * input is already clustered by the group keys).
 */
public enum AggregateMode {
  PARTIAL,
  FINAL,
  COMPLETE
}
