package dev.quiver.planner.logical;

import dev.quiver.sql.AnalysisException;
import java.util.Locale;

/** The join types, with the names Spark accepts for each. */
public enum JoinType {
  INNER("Inner"),
  LEFT_OUTER("LeftOuter"),
  RIGHT_OUTER("RightOuter"),
  FULL_OUTER("FullOuter"),
  LEFT_SEMI("LeftSemi"),
  LEFT_ANTI("LeftAnti"),
  CROSS("Cross");

  private final String display;

  JoinType(String display) {
    this.display = display;
  }

  /** How plans print the type: {@code Inner}, {@code LeftOuter}. */
  public String display() {
    return display;
  }

  /** Parses Spark's join type strings ({@code "left"}, {@code "full_outer"}, {@code "semi"}, ...). */
  public static JoinType parse(String s) {
    switch (s.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "inner":
        return INNER;
      case "cross":
        return CROSS;
      case "outer":
      case "full":
      case "fullouter":
        return FULL_OUTER;
      case "left":
      case "leftouter":
        return LEFT_OUTER;
      case "right":
      case "rightouter":
        return RIGHT_OUTER;
      case "semi":
      case "leftsemi":
        return LEFT_SEMI;
      case "anti":
      case "leftanti":
        return LEFT_ANTI;
      default:
        throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", "Unsupported join type '" + s
            + "'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', "
            + "'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', "
            + "'leftanti', 'left_anti', 'anti', 'cross'.", "0A000");
    }
  }

  /** Whether the output has the right side's columns. */
  public boolean keepsRight() {
    return this != LEFT_SEMI && this != LEFT_ANTI;
  }

  /** Whether left rows without a match still appear. */
  public boolean preservesLeft() {
    return this == LEFT_OUTER || this == FULL_OUTER || this == LEFT_ANTI;
  }

  public boolean preservesRight() {
    return this == RIGHT_OUTER || this == FULL_OUTER;
  }
}
