package dev.quiver.planner.expressions;

/** The binary arithmetic operators, with the symbol Spark prints. */
public enum ArithmeticOp {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  REMAINDER("%"),
  /** Integral division, SQL's {@code div}: always bigint. */
  INTEGRAL_DIVIDE("div");

  private final String symbol;

  ArithmeticOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
