package dev.quiver.planner.expressions;

/** What a plan can guess of a condition's selectivity without statistics. */
public final class Selectivity {
  private Selectivity() {}

  /**
   * Spark's heuristic for a filter that probably keeps few rows: a comparison, IN or string match (not a null
   * check), anywhere in a conjunction, on both sides of a disjunction.
   */
  public static boolean isLikelySelective(Expression e) {
    if (e instanceof And and) {
      return isLikelySelective(and.left()) || isLikelySelective(and.right());
    }
    if (e instanceof Or or) {
      return isLikelySelective(or.left()) && isLikelySelective(or.right());
    }
    if (e instanceof Not not) {
      return isLikelySelective(not.child());
    }
    if (e instanceof Comparison || e instanceof In) {
      return true;
    }
    return e instanceof ScalarFunction f && switch (f.name()) {
      case "like", "ilike", "rlike", "startswith", "endswith", "contains" -> true;
      default -> false;
    };
  }
}
