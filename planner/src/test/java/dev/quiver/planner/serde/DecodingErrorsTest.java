package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.proto.DataTypeProto;
import dev.quiver.proto.ExpressionProto;
import dev.quiver.proto.LiteralValueProto;
import dev.quiver.proto.LogicalPlanProto;
import dev.quiver.proto.PhysicalPlanProto;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Corrupted or version-mismatched bytes fail with a PlanDecodingException that names the message, the case
 * and the plan nodes above it; never with a NullPointerException or a half-built plan.
 */
class DecodingErrorsTest {

  private static PlanDecodingException fails(Executable decode, String... fragments) {
    PlanDecodingException e = assertThrows(PlanDecodingException.class, decode);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "expected \"" + f + "\" in: " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("same Quiver version"), e.getMessage());
    return e;
  }

  private static ExpressionProto literalProto(LiteralValueProto value, DataTypeProto type) {
    return ExpressionProto.newBuilder().setLiteral(ExpressionProto.Literal.newBuilder().setValue(value)
        .setDataType(type)).build();
  }

  @Test
  void emptyBytesAreAnExpressionWithNoCaseSet() {
    fails(() -> ExpressionSerde.fromBytes(new byte[0]), "ExpressionProto.expr", "EXPR_NOT_SET");
    fails(() -> LogicalPlanSerde.fromBytes(new byte[0]), "LogicalPlanProto.node", "NODE_NOT_SET");
    fails(() -> PhysicalPlanSerde.fromBytes(new byte[0]), "PhysicalPlanProto.node", "NODE_NOT_SET");
    fails(() -> TypeSerde.fromBytes(new byte[0]), "DataTypeProto.kind", "KIND_NOT_SET");
  }

  @Test
  void garbageIsNotValidProtobuf() {
    PlanDecodingException e = fails(() -> TaskSerde.fromBytes(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}),
        "TaskDefinition is not valid protobuf");
    assertInstanceOf(InvalidProtocolBufferException.class, e.getCause());
  }

  @Test
  void aCaseFromANewerVersionIsNamedWithThePathToIt() {
    // A newer sender's node is an unknown field to this version: the oneof reads as unset.
    ExpressionProto future = ExpressionProto.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(999, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.EMPTY).build()).build())
        .build();
    LogicalPlanProto plan = LogicalPlanSerde.toProto(new Project(List.of(Literal.of(1)), Samples.people()));
    LogicalPlanProto corrupted = plan.toBuilder().setProject(plan.getProject().toBuilder().setProjectList(0, future))
        .build();
    fails(() -> LogicalPlanSerde.fromBytes(corrupted.toByteArray()), "ExpressionProto.expr", "EXPR_NOT_SET",
        "(at project)");
  }

  @Test
  void aMissingChildNamesTheNodesAboveIt() {
    PhysicalPlanProto plan = PhysicalPlanSerde.toProto(new FilterExec(Samples.AGE_GT_30,
        new FilterExec(Samples.AGE_GT_30, Samples.localScan())));
    PhysicalPlanProto.FilterExec inner = plan.getFilter().getChild().getFilter().toBuilder().clearChild().build();
    PhysicalPlanProto corrupted = plan.toBuilder().setFilter(plan.getFilter().toBuilder()
        .setChild(PhysicalPlanProto.newBuilder().setFilter(inner))).build();
    fails(() -> PhysicalPlanSerde.fromBytes(corrupted.toByteArray()), "PhysicalPlanProto.node", "NODE_NOT_SET",
        "(at filter > filter)");
  }

  @Test
  void unknownEnumValues() {
    ExpressionProto cmp = ExpressionSerde.toProto(Samples.AGE_GT_30);
    ExpressionProto badOp = cmp.toBuilder().setComparison(cmp.getComparison().toBuilder().setOpValue(42)).build();
    fails(() -> ExpressionSerde.fromBytes(badOp.toByteArray()), "ComparisonOpProto", "UNRECOGNIZED");
    ExpressionProto unsetOp = cmp.toBuilder().setComparison(cmp.getComparison().toBuilder().clearOp()).build();
    fails(() -> ExpressionSerde.fromBytes(unsetOp.toByteArray()), "ComparisonOpProto", "COMPARISON_OP_UNSPECIFIED");
    DataTypeProto badAtomic = DataTypeProto.newBuilder().setAtomicValue(77).build();
    fails(() -> TypeSerde.fromBytes(badAtomic.toByteArray()), "DataTypeProto.atomic", "UNRECOGNIZED");
    dev.quiver.proto.TaskDefinition task = TaskSerde.toProto(new TaskDefinition("j", new StageId(1), 0, 0,
        StageKind.RESULT, Samples.localScan(), new Partitioning.Single(), 1, Map.of())).toBuilder().clearKind().build();
    fails(() -> TaskSerde.fromBytes(task.toByteArray()), "StageKindProto", "STAGE_KIND_UNSPECIFIED",
        "TaskDefinition(job j, stage 1, partition 0, attempt 0)");
  }

  @Test
  void literalValuesThatDoNotMatchTheirType() {
    DataTypeProto intType = TypeSerde.toProto(DataTypes.IntegerType);
    ExpressionProto stringForInt = literalProto(LiteralValueProto.newBuilder().setStringValue("1").build(), intType);
    fails(() -> ExpressionSerde.fromBytes(stringForInt.toByteArray()), "int", "INT32_VALUE", "STRING_VALUE");
    ExpressionProto unset = literalProto(LiteralValueProto.getDefaultInstance(), intType);
    fails(() -> ExpressionSerde.fromBytes(unset.toByteArray()), "LiteralValueProto.value", "VALUE_NOT_SET");
    ExpressionProto bigByte = literalProto(LiteralValueProto.newBuilder().setInt32Value(300).build(),
        TypeSerde.toProto(DataTypes.ByteType));
    fails(() -> ExpressionSerde.fromBytes(bigByte.toByteArray()), "300", "out of range", "tinyint");
    ExpressionProto shortStruct = literalProto(LiteralValueProto.newBuilder().setStructValue(
        LiteralValueProto.ValueList.getDefaultInstance()).build(), TypeSerde.toProto(StructType.fromDDL("a INT")));
    fails(() -> ExpressionSerde.fromBytes(shortStruct.toByteArray()), "struct_value has 0 values for the 1 fields");
    ExpressionProto noType = literalProto(LiteralValueProto.newBuilder().setInt32Value(1).build(),
        DataTypeProto.getDefaultInstance());
    fails(() -> ExpressionSerde.fromBytes(noType.toByteArray()), "DataTypeProto.kind", "KIND_NOT_SET");
  }

  @Test
  void nodesThatFailTheirOwnValidation() {
    LogicalPlanProto plan = LogicalPlanSerde.toProto(new Union(
        List.of(Samples.people(), Samples.people()), false, false));
    LogicalPlanProto oneChild = plan.toBuilder().setUnion(plan.getUnion().toBuilder().removeChildren(1)).build();
    fails(() -> LogicalPlanSerde.fromBytes(oneChild.toByteArray()), "LogicalPlanProto.UNION",
        "does not describe a valid node", "at least two inputs");
    ExpressionProto fn = ExpressionProto.newBuilder().setScalarFunction(ExpressionProto.ScalarFunction.newBuilder()
        .setName("function_from_the_future")).build();
    fails(() -> ExpressionSerde.fromBytes(fn.toByteArray()), "ExpressionProto.SCALAR_FUNCTION",
        "function_from_the_future");
    DataTypeProto badDecimal = DataTypeProto.newBuilder().setDecimal(DataTypeProto.Decimal.newBuilder()
        .setPrecision(50).setScale(2)).build();
    fails(() -> TypeSerde.fromBytes(badDecimal.toByteArray()), "DataTypeProto.Decimal", "precision 50");
    LogicalPlanProto negativeLimit = LogicalPlanProto.newBuilder().setLimit(LogicalPlanProto.Limit.newBuilder()
        .setLimit(-1).setChild(LogicalPlanSerde.toProto(Samples.people()))).build();
    fails(() -> LogicalPlanSerde.fromBytes(negativeLimit.toByteArray()), "LogicalPlanProto.LIMIT", "-1");
  }

  @Test
  void deeperThanTheNestingLimitIsAClearError() {
    Expression e = Literal.TRUE;
    for (int i = 0; i < ProtoBytes.RECURSION_LIMIT; i++) {
      e = new Not(e);
    }
    byte[] bytes = ExpressionSerde.toBytes(e);
    fails(() -> ExpressionSerde.fromBytes(bytes), "ExpressionProto is not valid protobuf");
  }

  @Test
  void valuesNotInTheInternalFormAreRefusedWhenEncoding() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpressionSerde.toBytes(new Literal(5, DataTypes.ByteType)));
    assertTrue(e.getMessage().contains("tinyint must be a Byte"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ExpressionSerde.toBytes(new Literal(1.5, new DecimalType(3, 1))));
    assertThrows(IllegalArgumentException.class,
        () -> ExpressionSerde.toBytes(new Literal(List.of(1), StructType.fromDDL("a INT, b INT"))));
    assertThrows(IllegalArgumentException.class,
        () -> ExpressionSerde.toBytes(new Literal(List.of("x"), new ArrayType(DataTypes.IntegerType, true))));
    assertThrows(IllegalArgumentException.class,
        () -> ExpressionSerde.toBytes(new Literal(BigDecimal.ONE, DataTypes.NullType)));
    assertThrows(IllegalArgumentException.class, () -> LogicalPlanSerde.toBytes(
        LocalRelation.of(StructType.fromDDL("a INT"), List.of(List.of(1, 2)))));
  }
}
