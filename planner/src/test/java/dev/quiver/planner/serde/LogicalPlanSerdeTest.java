package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogicalPlanSerdeTest {

  static Stream<LogicalPlan> samples() {
    return Samples.logicalPlans().stream();
  }

  static LogicalPlan roundTrip(LogicalPlan plan) {
    LogicalPlan back = LogicalPlanSerde.fromBytes(LogicalPlanSerde.toBytes(plan));
    assertEquals(plan, back);
    assertEquals(LogicalPlanSerde.toProto(plan), LogicalPlanSerde.toProto(back));
    return back;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTrips(LogicalPlan plan) {
    roundTrip(plan);
  }

  @Test
  void localRelationRowsHoldEveryValueForm() {
    StructType schema = new StructType().add("b", DataTypes.BinaryType).add("f", DataTypes.FloatType)
        .add("s", StructType.fromDDL("x SMALLINT, y TINYINT")).add("a", new ArrayType(DataTypes.BinaryType, true));
    List<List<Object>> rows = List.of(
        Arrays.asList(new byte[] {9, 8}, Float.NaN, Arrays.asList((short) -3, (byte) 4), List.of(new byte[] {1})),
        Arrays.asList(null, -0.0f, null, null));
    LocalRelation r = LocalRelation.of(schema, rows);
    LocalRelation back = (LocalRelation) LogicalPlanSerde.fromBytes(LogicalPlanSerde.toBytes(r));
    // Rows are List<List<Object>>: byte[] inside them compares by identity, so check binary cells by content.
    assertEquals(schema, back.schema());
    assertArrayEquals(new byte[] {9, 8}, (byte[]) back.rows().get(0).get(0));
    assertEquals(Float.NaN, back.rows().get(0).get(1));
    assertEquals(Arrays.asList((short) -3, (byte) 4), back.rows().get(0).get(2));
    assertArrayEquals(new byte[] {1}, (byte[]) ((List<?>) back.rows().get(0).get(3)).get(0));
    assertEquals(Arrays.asList(null, -0.0f, null, null), back.rows().get(1));
  }

  @Test
  void aDeepPlanFitsTheNestingLimit() {
    // A loop of withColumn calls nests one node per call.
    LogicalPlan plan = Samples.people();
    for (int i = 0; i < 300; i++) {
      plan = new WithColumns(List.of("c" + i), List.of(UnresolvedAttribute.of("age")), plan);
    }
    plan = new WithColumns(List.of("last"), List.of(Literal.of(1)), plan);
    roundTrip(plan);
  }
}
