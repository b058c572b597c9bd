package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.AggregateMode;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.proto.AggregateFunctionProto;
import dev.quiver.proto.AggregateModeProto;
import dev.quiver.proto.ArithmeticOpProto;
import dev.quiver.proto.BuildSideProto;
import dev.quiver.proto.ComparisonOpProto;
import dev.quiver.proto.FrameTypeProto;
import dev.quiver.proto.JoinTypeProto;
import dev.quiver.proto.NullOrderingProto;
import dev.quiver.proto.SortDirectionProto;
import dev.quiver.proto.StageKindProto;

/**
 * The planner's enums to and from their proto enums, constant by constant. The wire numbers are the proto's,
 * never {@code ordinal()}, so reordering a Java enum cannot change what a plan means. The to-proto switches
 * have no default: a new constant breaks the compile here. The from-proto switches reject the unset value 0
 * and numbers from a newer version ({@code UNRECOGNIZED}).
 */
final class EnumSerde {
  private EnumSerde() {}

  static ArithmeticOpProto toProto(ArithmeticOp op) {
    return switch (op) {
      case ADD -> ArithmeticOpProto.ARITHMETIC_OP_ADD;
      case SUBTRACT -> ArithmeticOpProto.ARITHMETIC_OP_SUBTRACT;
      case MULTIPLY -> ArithmeticOpProto.ARITHMETIC_OP_MULTIPLY;
      case DIVIDE -> ArithmeticOpProto.ARITHMETIC_OP_DIVIDE;
      case REMAINDER -> ArithmeticOpProto.ARITHMETIC_OP_REMAINDER;
      case INTEGRAL_DIVIDE -> ArithmeticOpProto.ARITHMETIC_OP_INTEGRAL_DIVIDE;
    };
  }

  static ArithmeticOp fromProto(ArithmeticOpProto op) {
    return switch (op) {
      case ARITHMETIC_OP_ADD -> ArithmeticOp.ADD;
      case ARITHMETIC_OP_SUBTRACT -> ArithmeticOp.SUBTRACT;
      case ARITHMETIC_OP_MULTIPLY -> ArithmeticOp.MULTIPLY;
      case ARITHMETIC_OP_DIVIDE -> ArithmeticOp.DIVIDE;
      case ARITHMETIC_OP_REMAINDER -> ArithmeticOp.REMAINDER;
      case ARITHMETIC_OP_INTEGRAL_DIVIDE -> ArithmeticOp.INTEGRAL_DIVIDE;
      default -> throw PlanDecodingException.unknownEnum("ArithmeticOpProto", op);
    };
  }

  static ComparisonOpProto toProto(ComparisonOp op) {
    return switch (op) {
      case EQ -> ComparisonOpProto.COMPARISON_OP_EQ;
      case NULL_SAFE_EQ -> ComparisonOpProto.COMPARISON_OP_NULL_SAFE_EQ;
      case LT -> ComparisonOpProto.COMPARISON_OP_LT;
      case LTE -> ComparisonOpProto.COMPARISON_OP_LTE;
      case GT -> ComparisonOpProto.COMPARISON_OP_GT;
      case GTE -> ComparisonOpProto.COMPARISON_OP_GTE;
    };
  }

  static ComparisonOp fromProto(ComparisonOpProto op) {
    return switch (op) {
      case COMPARISON_OP_EQ -> ComparisonOp.EQ;
      case COMPARISON_OP_NULL_SAFE_EQ -> ComparisonOp.NULL_SAFE_EQ;
      case COMPARISON_OP_LT -> ComparisonOp.LT;
      case COMPARISON_OP_LTE -> ComparisonOp.LTE;
      case COMPARISON_OP_GT -> ComparisonOp.GT;
      case COMPARISON_OP_GTE -> ComparisonOp.GTE;
      default -> throw PlanDecodingException.unknownEnum("ComparisonOpProto", op);
    };
  }

  static AggregateFunctionProto toProto(AggregateFunction f) {
    return switch (f) {
      case COUNT -> AggregateFunctionProto.AGGREGATE_FUNCTION_COUNT;
      case SUM -> AggregateFunctionProto.AGGREGATE_FUNCTION_SUM;
      case AVG -> AggregateFunctionProto.AGGREGATE_FUNCTION_AVG;
      case MIN -> AggregateFunctionProto.AGGREGATE_FUNCTION_MIN;
      case MAX -> AggregateFunctionProto.AGGREGATE_FUNCTION_MAX;
      case FIRST -> AggregateFunctionProto.AGGREGATE_FUNCTION_FIRST;
      case LAST -> AggregateFunctionProto.AGGREGATE_FUNCTION_LAST;
      case STDDEV_SAMP -> AggregateFunctionProto.AGGREGATE_FUNCTION_STDDEV_SAMP;
      case VAR_SAMP -> AggregateFunctionProto.AGGREGATE_FUNCTION_VAR_SAMP;
      case COLLECT_LIST -> AggregateFunctionProto.AGGREGATE_FUNCTION_COLLECT_LIST;
      case COLLECT_SET -> AggregateFunctionProto.AGGREGATE_FUNCTION_COLLECT_SET;
      case APPROX_COUNT_DISTINCT -> AggregateFunctionProto.AGGREGATE_FUNCTION_APPROX_COUNT_DISTINCT;
      case STDDEV_POP -> AggregateFunctionProto.AGGREGATE_FUNCTION_STDDEV_POP;
      case VAR_POP -> AggregateFunctionProto.AGGREGATE_FUNCTION_VAR_POP;
      case CORR -> AggregateFunctionProto.AGGREGATE_FUNCTION_CORR;
      case COVAR_SAMP -> AggregateFunctionProto.AGGREGATE_FUNCTION_COVAR_SAMP;
      case COVAR_POP -> AggregateFunctionProto.AGGREGATE_FUNCTION_COVAR_POP;
      case ANY_VALUE -> AggregateFunctionProto.AGGREGATE_FUNCTION_ANY_VALUE;
      case COUNT_IF -> AggregateFunctionProto.AGGREGATE_FUNCTION_COUNT_IF;
      case BOOL_AND -> AggregateFunctionProto.AGGREGATE_FUNCTION_BOOL_AND;
      case BOOL_OR -> AggregateFunctionProto.AGGREGATE_FUNCTION_BOOL_OR;
      case EVERY -> AggregateFunctionProto.AGGREGATE_FUNCTION_EVERY;
      case SOME -> AggregateFunctionProto.AGGREGATE_FUNCTION_SOME;
      case ANY -> AggregateFunctionProto.AGGREGATE_FUNCTION_ANY_ALIAS;
      case MAX_BY -> AggregateFunctionProto.AGGREGATE_FUNCTION_MAX_BY;
      case MIN_BY -> AggregateFunctionProto.AGGREGATE_FUNCTION_MIN_BY;
      case FIRST_VALUE -> AggregateFunctionProto.AGGREGATE_FUNCTION_FIRST_VALUE_ALIAS;
      case LAST_VALUE -> AggregateFunctionProto.AGGREGATE_FUNCTION_LAST_VALUE_ALIAS;
      case ARRAY_AGG -> AggregateFunctionProto.AGGREGATE_FUNCTION_ARRAY_AGG;
    };
  }

  static AggregateFunction fromProto(AggregateFunctionProto f) {
    return switch (f) {
      case AGGREGATE_FUNCTION_COUNT -> AggregateFunction.COUNT;
      case AGGREGATE_FUNCTION_SUM -> AggregateFunction.SUM;
      case AGGREGATE_FUNCTION_AVG -> AggregateFunction.AVG;
      case AGGREGATE_FUNCTION_MIN -> AggregateFunction.MIN;
      case AGGREGATE_FUNCTION_MAX -> AggregateFunction.MAX;
      case AGGREGATE_FUNCTION_FIRST -> AggregateFunction.FIRST;
      case AGGREGATE_FUNCTION_LAST -> AggregateFunction.LAST;
      case AGGREGATE_FUNCTION_STDDEV_SAMP -> AggregateFunction.STDDEV_SAMP;
      case AGGREGATE_FUNCTION_VAR_SAMP -> AggregateFunction.VAR_SAMP;
      case AGGREGATE_FUNCTION_COLLECT_LIST -> AggregateFunction.COLLECT_LIST;
      case AGGREGATE_FUNCTION_COLLECT_SET -> AggregateFunction.COLLECT_SET;
      case AGGREGATE_FUNCTION_APPROX_COUNT_DISTINCT -> AggregateFunction.APPROX_COUNT_DISTINCT;
      case AGGREGATE_FUNCTION_STDDEV_POP -> AggregateFunction.STDDEV_POP;
      case AGGREGATE_FUNCTION_VAR_POP -> AggregateFunction.VAR_POP;
      case AGGREGATE_FUNCTION_CORR -> AggregateFunction.CORR;
      case AGGREGATE_FUNCTION_COVAR_SAMP -> AggregateFunction.COVAR_SAMP;
      case AGGREGATE_FUNCTION_COVAR_POP -> AggregateFunction.COVAR_POP;
      case AGGREGATE_FUNCTION_ANY_VALUE -> AggregateFunction.ANY_VALUE;
      case AGGREGATE_FUNCTION_COUNT_IF -> AggregateFunction.COUNT_IF;
      case AGGREGATE_FUNCTION_BOOL_AND -> AggregateFunction.BOOL_AND;
      case AGGREGATE_FUNCTION_BOOL_OR -> AggregateFunction.BOOL_OR;
      case AGGREGATE_FUNCTION_EVERY -> AggregateFunction.EVERY;
      case AGGREGATE_FUNCTION_SOME -> AggregateFunction.SOME;
      case AGGREGATE_FUNCTION_ANY_ALIAS -> AggregateFunction.ANY;
      case AGGREGATE_FUNCTION_MAX_BY -> AggregateFunction.MAX_BY;
      case AGGREGATE_FUNCTION_MIN_BY -> AggregateFunction.MIN_BY;
      case AGGREGATE_FUNCTION_FIRST_VALUE_ALIAS -> AggregateFunction.FIRST_VALUE;
      case AGGREGATE_FUNCTION_LAST_VALUE_ALIAS -> AggregateFunction.LAST_VALUE;
      case AGGREGATE_FUNCTION_ARRAY_AGG -> AggregateFunction.ARRAY_AGG;
      default -> throw PlanDecodingException.unknownEnum("AggregateFunctionProto", f);
    };
  }

  static SortDirectionProto toProto(SortDirection d) {
    return switch (d) {
      case ASCENDING -> SortDirectionProto.SORT_DIRECTION_ASCENDING;
      case DESCENDING -> SortDirectionProto.SORT_DIRECTION_DESCENDING;
    };
  }

  static SortDirection fromProto(SortDirectionProto d) {
    return switch (d) {
      case SORT_DIRECTION_ASCENDING -> SortDirection.ASCENDING;
      case SORT_DIRECTION_DESCENDING -> SortDirection.DESCENDING;
      default -> throw PlanDecodingException.unknownEnum("SortDirectionProto", d);
    };
  }

  static NullOrderingProto toProto(NullOrdering n) {
    return switch (n) {
      case NULLS_FIRST -> NullOrderingProto.NULL_ORDERING_NULLS_FIRST;
      case NULLS_LAST -> NullOrderingProto.NULL_ORDERING_NULLS_LAST;
    };
  }

  static NullOrdering fromProto(NullOrderingProto n) {
    return switch (n) {
      case NULL_ORDERING_NULLS_FIRST -> NullOrdering.NULLS_FIRST;
      case NULL_ORDERING_NULLS_LAST -> NullOrdering.NULLS_LAST;
      default -> throw PlanDecodingException.unknownEnum("NullOrderingProto", n);
    };
  }

  static FrameTypeProto toProto(WindowFrame.FrameType t) {
    return switch (t) {
      case ROWS -> FrameTypeProto.FRAME_TYPE_ROWS;
      case RANGE -> FrameTypeProto.FRAME_TYPE_RANGE;
    };
  }

  static WindowFrame.FrameType fromProto(FrameTypeProto t) {
    return switch (t) {
      case FRAME_TYPE_ROWS -> WindowFrame.FrameType.ROWS;
      case FRAME_TYPE_RANGE -> WindowFrame.FrameType.RANGE;
      default -> throw PlanDecodingException.unknownEnum("FrameTypeProto", t);
    };
  }

  static JoinTypeProto toProto(JoinType t) {
    return switch (t) {
      case INNER -> JoinTypeProto.JOIN_TYPE_INNER;
      case LEFT_OUTER -> JoinTypeProto.JOIN_TYPE_LEFT_OUTER;
      case RIGHT_OUTER -> JoinTypeProto.JOIN_TYPE_RIGHT_OUTER;
      case FULL_OUTER -> JoinTypeProto.JOIN_TYPE_FULL_OUTER;
      case LEFT_SEMI -> JoinTypeProto.JOIN_TYPE_LEFT_SEMI;
      case LEFT_ANTI -> JoinTypeProto.JOIN_TYPE_LEFT_ANTI;
      case CROSS -> JoinTypeProto.JOIN_TYPE_CROSS;
    };
  }

  static JoinType fromProto(JoinTypeProto t) {
    return switch (t) {
      case JOIN_TYPE_INNER -> JoinType.INNER;
      case JOIN_TYPE_LEFT_OUTER -> JoinType.LEFT_OUTER;
      case JOIN_TYPE_RIGHT_OUTER -> JoinType.RIGHT_OUTER;
      case JOIN_TYPE_FULL_OUTER -> JoinType.FULL_OUTER;
      case JOIN_TYPE_LEFT_SEMI -> JoinType.LEFT_SEMI;
      case JOIN_TYPE_LEFT_ANTI -> JoinType.LEFT_ANTI;
      case JOIN_TYPE_CROSS -> JoinType.CROSS;
      default -> throw PlanDecodingException.unknownEnum("JoinTypeProto", t);
    };
  }

  static AggregateModeProto toProto(AggregateMode m) {
    return switch (m) {
      case PARTIAL -> AggregateModeProto.AGGREGATE_MODE_PARTIAL;
      case FINAL -> AggregateModeProto.AGGREGATE_MODE_FINAL;
      case COMPLETE -> AggregateModeProto.AGGREGATE_MODE_COMPLETE;
    };
  }

  static AggregateMode fromProto(AggregateModeProto m) {
    return switch (m) {
      case AGGREGATE_MODE_PARTIAL -> AggregateMode.PARTIAL;
      case AGGREGATE_MODE_FINAL -> AggregateMode.FINAL;
      case AGGREGATE_MODE_COMPLETE -> AggregateMode.COMPLETE;
      default -> throw PlanDecodingException.unknownEnum("AggregateModeProto", m);
    };
  }

  static BuildSideProto toProto(BuildSide s) {
    return switch (s) {
      case LEFT -> BuildSideProto.BUILD_SIDE_LEFT;
      case RIGHT -> BuildSideProto.BUILD_SIDE_RIGHT;
    };
  }

  static BuildSide fromProto(BuildSideProto s) {
    return switch (s) {
      case BUILD_SIDE_LEFT -> BuildSide.LEFT;
      case BUILD_SIDE_RIGHT -> BuildSide.RIGHT;
      default -> throw PlanDecodingException.unknownEnum("BuildSideProto", s);
    };
  }

  static StageKindProto toProto(StageKind k) {
    return switch (k) {
      case SHUFFLE_MAP -> StageKindProto.STAGE_KIND_SHUFFLE_MAP;
      case BROADCAST -> StageKindProto.STAGE_KIND_BROADCAST;
      case RESULT -> StageKindProto.STAGE_KIND_RESULT;
    };
  }

  static StageKind fromProto(StageKindProto k) {
    return switch (k) {
      case STAGE_KIND_SHUFFLE_MAP -> StageKind.SHUFFLE_MAP;
      case STAGE_KIND_BROADCAST -> StageKind.BROADCAST;
      case STAGE_KIND_RESULT -> StageKind.RESULT;
      default -> throw PlanDecodingException.unknownEnum("StageKindProto", k);
    };
  }
}
