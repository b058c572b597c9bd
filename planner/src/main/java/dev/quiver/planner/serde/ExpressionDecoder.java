package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.proto.ExpressionProto;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ExpressionProto} to Expression, by the oneof case; an unset or unknown case is a PlanDecodingException. */
final class ExpressionDecoder {
  private ExpressionDecoder() {}

  static Expression decode(ExpressionProto p) {
    ExpressionProto.ExprCase c = p.getExprCase();
    return PlanDecodingException.whileBuilding("ExpressionProto." + c, () -> decodeCase(p, c));
  }

  private static Expression decodeCase(ExpressionProto p, ExpressionProto.ExprCase c) {
    switch (c) {
      case LITERAL: {
        DataType type = TypeSerde.fromProto(p.getLiteral().getDataType());
        return new Literal(LiteralValueSerde.fromProto(p.getLiteral().getValue(), type), type);
      }
      case ATTRIBUTE_REFERENCE:
        return ExpressionSerde.attributeFromProto(p.getAttributeReference());
      case UNRESOLVED_ATTRIBUTE:
        return new UnresolvedAttribute(p.getUnresolvedAttribute().getNamePartsList(),
            p.getUnresolvedAttribute().getPlanId());
      case UNRESOLVED_STAR:
        return new UnresolvedStar(p.getUnresolvedStar().getTargetList(), p.getUnresolvedStar().getPlanId());
      case ALIAS: {
        ExpressionProto.Alias a = p.getAlias();
        return new Alias(decode(a.getChild()), a.getName(), new ExprId(a.getExprId()));
      }
      case CAST: {
        ExpressionProto.Cast x = p.getCast();
        return new Cast(decode(x.getChild()), TypeSerde.fromProto(x.getDataType()), x.getUserSpecified());
      }
      case BINARY_ARITHMETIC: {
        ExpressionProto.BinaryArithmetic b = p.getBinaryArithmetic();
        return new BinaryArithmetic(EnumSerde.fromProto(b.getOp()), decode(b.getLeft()), decode(b.getRight()));
      }
      case UNARY_MINUS:
        return new UnaryMinus(decode(p.getUnaryMinus().getChild()));
      case COMPARISON: {
        ExpressionProto.Comparison x = p.getComparison();
        return new Comparison(EnumSerde.fromProto(x.getOp()), decode(x.getLeft()), decode(x.getRight()));
      }
      case LOGICAL_AND:
        return new And(decode(p.getLogicalAnd().getLeft()), decode(p.getLogicalAnd().getRight()));
      case LOGICAL_OR:
        return new Or(decode(p.getLogicalOr().getLeft()), decode(p.getLogicalOr().getRight()));
      case LOGICAL_NOT:
        return new Not(decode(p.getLogicalNot().getChild()));
      case IS_NULL:
        return new IsNull(decode(p.getIsNull().getChild()));
      case IS_NOT_NULL:
        return new IsNotNull(decode(p.getIsNotNull().getChild()));
      case IN_LIST:
        return new In(decode(p.getInList().getValue()), ExpressionSerde.fromProtos(p.getInList().getListList()));
      case CASE_WHEN:
        return caseWhen(p.getCaseWhen());
      case SCALAR_FUNCTION:
        return new ScalarFunction(p.getScalarFunction().getName(),
            ExpressionSerde.fromProtos(p.getScalarFunction().getArgsList()));
      case AGGREGATE_CALL:
        return ExpressionSerde.aggregateCallFromProto(p.getAggregateCall());
      case SORT_ORDER:
        return ExpressionSerde.sortOrderFromProto(p.getSortOrder());
      case BOUND_REFERENCE: {
        ExpressionProto.BoundReference r = p.getBoundReference();
        return new BoundReference(r.getOrdinal(), TypeSerde.fromProto(r.getDataType()), r.getNullable());
      }
      case WINDOW_EXPRESSION:
        return windowExpression(p.getWindowExpression());
      case UNRESOLVED_FUNCTION: {
        ExpressionProto.UnresolvedFunction f = p.getUnresolvedFunction();
        return new UnresolvedFunction(f.getName(), ExpressionSerde.fromProtos(f.getArgsList()), f.getDistinct());
      }
      case EXTRACT_VALUE:
        return new ExtractValue(decode(p.getExtractValue().getChild()), decode(p.getExtractValue().getKey()));
      default:
        throw PlanDecodingException.unknownCase("ExpressionProto.expr", c);
    }
  }

  private static CaseWhen caseWhen(ExpressionProto.CaseWhen p) {
    List<CaseWhen.Branch> branches = new ArrayList<>(p.getBranchesCount());
    for (ExpressionProto.CaseWhen.Branch b : p.getBranchesList()) {
      branches.add(new CaseWhen.Branch(decode(b.getCondition()), decode(b.getValue())));
    }
    Optional<Expression> elseValue = p.hasElseValue() ? Optional.of(decode(p.getElseValue())) : Optional.empty();
    return new CaseWhen(branches, elseValue);
  }

  private static WindowExpression windowExpression(ExpressionProto.WindowExpression p) {
    WindowFrame frame = null;
    if (p.hasFrame()) {
      ExpressionProto.WindowFrame f = p.getFrame();
      frame = new WindowFrame(EnumSerde.fromProto(f.getType()), f.getLower(), f.getUpper());
    }
    return new WindowExpression(decode(p.getFunction()), ExpressionSerde.fromProtos(p.getPartitionSpecList()),
        ExpressionSerde.sortOrdersFromProto(p.getOrderSpecList()), frame);
  }
}
