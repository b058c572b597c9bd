package dev.quiver.executor.operators.join;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;

/**
 * What a join type means for one choice of build side, in stream/build terms: whether matching pairs are
 * output, whether stream rows without a match are output null-padded (or, for semi/anti joins, which stream
 * rows are output at all), and whether build rows without a match are output after the stream ends.
 *
 * @param streamIsLeft the stream side is the left input (the build side is the right one)
 * @param emitPairs matching (stream, build) pairs are output rows
 * @param streamUnmatched stream rows without a match are output with nulls for the build side
 * @param buildUnmatched build rows without a match are output with nulls for the stream side, at the end
 * @param semi each stream row with a match is output once (left columns only)
 * @param anti each stream row without a match is output (left columns only)
 */
record JoinSemantics(JoinType type, boolean streamIsLeft, boolean emitPairs, boolean streamUnmatched,
    boolean buildUnmatched, boolean semi, boolean anti) {

  static JoinSemantics of(JoinType type, BuildSide buildSide) {
    boolean streamIsLeft = buildSide == BuildSide.RIGHT;
    switch (type) {
      case INNER:
      case CROSS:
        return new JoinSemantics(type, streamIsLeft, true, false, false, false, false);
      case LEFT_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, streamIsLeft, !streamIsLeft, false, false);
      case RIGHT_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, !streamIsLeft, streamIsLeft, false, false);
      case FULL_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, true, true, false, false);
      case LEFT_SEMI:
      case LEFT_ANTI:
        if (!streamIsLeft) {
          throw new PlanningException("Internal error: a " + type.display() + " join must build its right side "
              + "and stream its left side, but the plan builds the left side");
        }
        return new JoinSemantics(type, true, false, false, false, type == JoinType.LEFT_SEMI,
            type == JoinType.LEFT_ANTI);
      default:
        throw new PlanningException("Internal error: unknown join type " + type);
    }
  }

  /** The output has only the left input's columns. */
  boolean leftOnly() {
    return semi || anti;
  }

  /** After a stream batch's pairs, its rows are visited again (outer, semi and anti joins). */
  boolean needsStreamTail() {
    return streamUnmatched || semi || anti;
  }

  /** With no build rows at all, nothing can be output. */
  boolean emptyBuildGivesNothing() {
    return !streamUnmatched && !anti;
  }
}
