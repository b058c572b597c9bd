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
 * @param buildMatched build rows with a match are output once, at the end (a semi join building its left side)
 * @param semi each left row with a match is output once (left columns only)
 * @param anti each left row without a match is output (left columns only)
 */
record JoinSemantics(JoinType type, boolean streamIsLeft, boolean emitPairs, boolean streamUnmatched,
    boolean buildUnmatched, boolean buildMatched, boolean semi, boolean anti) {

  static JoinSemantics of(JoinType type, BuildSide buildSide) {
    boolean streamIsLeft = buildSide == BuildSide.RIGHT;
    switch (type) {
      case INNER:
      case CROSS:
        return new JoinSemantics(type, streamIsLeft, true, false, false, false, false, false);
      case LEFT_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, streamIsLeft, !streamIsLeft, false, false, false);
      case RIGHT_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, !streamIsLeft, streamIsLeft, false, false, false);
      case FULL_OUTER:
        return new JoinSemantics(type, streamIsLeft, true, true, true, false, false, false);
      case LEFT_SEMI:
      case LEFT_ANTI:
        boolean semi = type == JoinType.LEFT_SEMI;
        // Building the left side (when it is the smaller, see SmallerSideBuild), the stream only marks which
        // left rows matched, and those (semi) or the others (anti) are output at the end.
        return new JoinSemantics(type, streamIsLeft, false, false, !streamIsLeft && !semi, !streamIsLeft && semi,
            semi, !semi);
      default:
        throw new PlanningException("Internal error: unknown join type " + type);
    }
  }

  /** The output has only the left input's columns. */
  boolean leftOnly() {
    return semi || anti;
  }

  /** After a stream batch's pairs, its rows are visited again (outer joins; semi and anti joins streaming the left side). */
  boolean needsStreamTail() {
    return streamUnmatched || (leftOnly() && streamIsLeft);
  }

  /** Which build rows matched is recorded, for output after the stream ends. */
  boolean tracksBuildMatches() {
    return buildUnmatched || buildMatched;
  }

  /** With no build rows at all, nothing can be output. */
  boolean emptyBuildGivesNothing() {
    return !streamUnmatched && !(anti && streamIsLeft);
  }
}
