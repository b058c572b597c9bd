package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Or;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ExpressionSerdeTest {

  static Stream<Expression> samples() {
    return Samples.expressions().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTrips(Expression e) {
    Expression back = ExpressionSerde.fromBytes(ExpressionSerde.toBytes(e));
    assertEquals(e, back);
    assertEquals(ExpressionSerde.toProto(e), ExpressionSerde.toProto(back));
  }

  @Test
  void aLongChainOfOrsFitsTheNestingLimit() {
    // Each level is two protobuf messages; protobuf's default limit of 100 would fail at ~50 levels.
    Expression e = Samples.AGE_GT_30;
    for (int i = 0; i < 600; i++) {
      e = new Or(e, Literal.of(i % 2 == 0));
    }
    assertEquals(e, ExpressionSerde.fromBytes(ExpressionSerde.toBytes(e)));
  }
}
