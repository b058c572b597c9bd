package dev.quiver.planner.stages;

/** Identifies a stage within one job. Map-stage ids also identify the shuffle they write. */
public record StageId(int id) implements Comparable<StageId> {
  @Override
  public int compareTo(StageId o) {
    return Integer.compare(id, o.id);
  }

  @Override
  public String toString() {
    return "stage " + id;
  }
}
