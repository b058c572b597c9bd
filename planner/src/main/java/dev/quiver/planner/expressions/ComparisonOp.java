package dev.quiver.planner.expressions;

/** The comparison operators, with the symbol Spark prints. */
public enum ComparisonOp {
  EQ("="),
  NULL_SAFE_EQ("<=>"),
  LT("<"),
  LTE("<="),
  GT(">"),
  GTE(">=");

  private final String symbol;

  ComparisonOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
  public ComparisonOp flip() {
    switch (this) {
      case LT:
        return GT;
      case LTE:
        return GTE;
      case GT:
        return LT;
      case GTE:
        return LTE;
      default:
        return this;
    }
  }
}
