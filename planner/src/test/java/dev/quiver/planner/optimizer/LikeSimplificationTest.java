package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class LikeSimplificationTest {
  private final Rule rule = new LikeSimplification();
  private final FileRelation t = scan("s STRING");
  private final AttributeReference s = col(t, "s");

  private Expression simplified(Expression condition) {
    return ((Filter) rule.apply(new Filter(condition, t))).condition();
  }

  private Expression like(String pattern) {
    return ScalarFunction.of("like", s, lit(pattern));
  }

  private Expression call(String name, String literal) {
    return ScalarFunction.of(name, s, lit(literal));
  }

  @Test
  void rewritesPrefixSuffixInfixAndWholeValuePatterns() {
    assertEquals(call("startswith", "PROMO"), simplified(like("PROMO%")));
    assertEquals(call("endswith", "BRASS"), simplified(like("%BRASS")));
    assertEquals(call("contains", "green"), simplified(like("%green%")));
    assertEquals(new Comparison(ComparisonOp.EQ, s, lit("MED BOX")), simplified(like("MED BOX")));
    assertEquals(new Comparison(ComparisonOp.EQ, s, lit("")), simplified(like("")));
  }

  @Test
  void prefixAndSuffixNeedEnoughCharactersForBoth() {
    Expression expected = new And(
        new Comparison(ComparisonOp.GTE, ScalarFunction.of("length", s), lit(6)),
        new And(call("startswith", "abc"), call("endswith", "déf")));
    assertEquals(expected, simplified(like("abc%déf")));
  }

  @Test
  void leavesPatternsTheMatcherMustRun() {
    for (String pattern : new String[] {"a_c%", "%", "%%", "a%b%c", "%a%b", "a\\%b%", "abc%%", "%%abc"}) {
      Expression e = like(pattern);
      assertSame(e, simplified(e), pattern);
    }
    Expression nonLiteral = ScalarFunction.of("like", s, s);
    assertSame(nonLiteral, simplified(nonLiteral));
  }

  @Test
  void aNullPatternGivesNull() {
    Expression e = ScalarFunction.of("like", s, Literal.nullOf(DataTypes.StringType));
    assertEquals(Literal.nullOf(DataTypes.BooleanType), simplified(e));
  }

  @Test
  void keepsTheColumnNameTheAnalyzerGave() {
    Alias named = alias(like("PROMO%"), "s LIKE PROMO%");
    LogicalPlan before = new Project(list(named), t);

    LogicalPlan after = rule.apply(before);

    assertEquals(new Project(list(new Alias(call("startswith", "PROMO"), "s LIKE PROMO%", named.exprId())), t),
        after);
    assertEquals(before.output(), after.output());
  }
}
