package dev.quiver.planner.expressions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectivityTest {
  private final AttributeReference id = AttributeReference.create("id", DataTypes.LongType, true);
  private final AttributeReference name = AttributeReference.create("name", DataTypes.StringType, true);

  private static Expression eq(Expression l, Expression r) {
    return new Comparison(ComparisonOp.EQ, l, r);
  }

  private static Expression gt(Expression l, Expression r) {
    return new Comparison(ComparisonOp.GT, l, r);
  }

  @Test
  void judgesSelectivityAsSparkDoes() {
    assertTrue(Selectivity.isLikelySelective(eq(name, Literal.of("x"))));
    assertTrue(Selectivity.isLikelySelective(new In(name, List.of(Literal.of("x"), Literal.of("y")))));
    assertTrue(Selectivity.isLikelySelective(new ScalarFunction("startswith", List.of(name, Literal.of("x")))));
    assertTrue(Selectivity.isLikelySelective(new And(new IsNotNull(id), gt(id, Literal.of(3L)))));
    assertTrue(Selectivity.isLikelySelective(new Not(eq(name, Literal.of("x")))));
    assertFalse(Selectivity.isLikelySelective(new IsNotNull(id)));
    assertFalse(Selectivity.isLikelySelective(new Or(gt(id, Literal.of(3L)), new IsNotNull(name))));
    assertFalse(Selectivity.isLikelySelective(new ScalarFunction("upper", List.of(name))));
  }
}
