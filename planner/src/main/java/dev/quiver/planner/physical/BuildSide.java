package dev.quiver.planner.physical;

/** Which input of a join is loaded into the hash table (or broadcast); the other is streamed. */
public enum BuildSide {
  LEFT,
  RIGHT
}
