package dev.quiver.planner.expressions;

/**
 * The rows a window function sees around the current row. Bounds are offsets from the current row;
 * {@link #UNBOUNDED_PRECEDING} and {@link #UNBOUNDED_FOLLOWING} mean no bound.
 */
public record WindowFrame(FrameType type, long lower, long upper) {
  public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
  public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
  public static final long CURRENT_ROW = 0;

  /** ROWS counts physical rows; RANGE compares the ordering value. */
  public enum FrameType { ROWS, RANGE }

  /** Spark's default with an ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
  public static final WindowFrame DEFAULT_ORDERED =
      new WindowFrame(FrameType.RANGE, UNBOUNDED_PRECEDING, CURRENT_ROW);
  /** Spark's default without ORDER BY: the whole partition. */
  public static final WindowFrame WHOLE_PARTITION =
      new WindowFrame(FrameType.ROWS, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
}
