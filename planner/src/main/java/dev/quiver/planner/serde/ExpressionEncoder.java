package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionVisitor;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.proto.ExpressionProto;

/** Expression to {@code ExpressionProto}, one visit method per record: a new expression type breaks the compile. */
final class ExpressionEncoder implements ExpressionVisitor<ExpressionProto> {
  static final ExpressionEncoder INSTANCE = new ExpressionEncoder();

  private ExpressionEncoder() {}

  private static ExpressionProto encode(Expression e) {
    return e.accept(INSTANCE);
  }

  private static ExpressionProto.Builder node() {
    return ExpressionProto.newBuilder();
  }

  @Override
  public ExpressionProto visitLiteral(Literal l) {
    return node().setLiteral(ExpressionProto.Literal.newBuilder()
        .setValue(LiteralValueSerde.toProto(l.value(), l.dataType())).setDataType(TypeSerde.toProto(l.dataType())))
        .build();
  }

  @Override
  public ExpressionProto visitAttributeReference(AttributeReference a) {
    return node().setAttributeReference(ExpressionSerde.attributeToProto(a)).build();
  }

  @Override
  public ExpressionProto visitUnresolvedAttribute(UnresolvedAttribute u) {
    return node().setUnresolvedAttribute(ExpressionProto.UnresolvedAttribute.newBuilder()
        .addAllNameParts(u.nameParts()).setPlanId(u.planId())).build();
  }

  @Override
  public ExpressionProto visitUnresolvedStar(UnresolvedStar s) {
    return node().setUnresolvedStar(ExpressionProto.UnresolvedStar.newBuilder().addAllTarget(s.target())
        .setPlanId(s.planId())).build();
  }

  @Override
  public ExpressionProto visitAlias(Alias a) {
    return node().setAlias(ExpressionProto.Alias.newBuilder().setChild(encode(a.child())).setName(a.name())
        .setExprId(a.exprId().id())).build();
  }

  @Override
  public ExpressionProto visitCast(Cast c) {
    return node().setCast(ExpressionProto.Cast.newBuilder().setChild(encode(c.child()))
        .setDataType(TypeSerde.toProto(c.dataType())).setUserSpecified(c.userSpecified())).build();
  }

  @Override
  public ExpressionProto visitBinaryArithmetic(BinaryArithmetic b) {
    return node().setBinaryArithmetic(ExpressionProto.BinaryArithmetic.newBuilder().setOp(EnumSerde.toProto(b.op()))
        .setLeft(encode(b.left())).setRight(encode(b.right()))).build();
  }

  @Override
  public ExpressionProto visitUnaryMinus(UnaryMinus u) {
    return node().setUnaryMinus(ExpressionProto.UnaryMinus.newBuilder().setChild(encode(u.child()))).build();
  }

  @Override
  public ExpressionProto visitComparison(Comparison c) {
    return node().setComparison(ExpressionProto.Comparison.newBuilder().setOp(EnumSerde.toProto(c.op()))
        .setLeft(encode(c.left())).setRight(encode(c.right()))).build();
  }

  @Override
  public ExpressionProto visitAnd(And a) {
    return node().setLogicalAnd(ExpressionProto.And.newBuilder().setLeft(encode(a.left()))
        .setRight(encode(a.right()))).build();
  }

  @Override
  public ExpressionProto visitOr(Or o) {
    return node().setLogicalOr(ExpressionProto.Or.newBuilder().setLeft(encode(o.left()))
        .setRight(encode(o.right()))).build();
  }

  @Override
  public ExpressionProto visitNot(Not n) {
    return node().setLogicalNot(ExpressionProto.Not.newBuilder().setChild(encode(n.child()))).build();
  }

  @Override
  public ExpressionProto visitIsNull(IsNull n) {
    return node().setIsNull(ExpressionProto.IsNull.newBuilder().setChild(encode(n.child()))).build();
  }

  @Override
  public ExpressionProto visitIsNotNull(IsNotNull n) {
    return node().setIsNotNull(ExpressionProto.IsNotNull.newBuilder().setChild(encode(n.child()))).build();
  }

  @Override
  public ExpressionProto visitIn(In in) {
    return node().setInList(ExpressionProto.In.newBuilder().setValue(encode(in.value()))
        .addAllList(ExpressionSerde.toProtos(in.list()))).build();
  }

  @Override
  public ExpressionProto visitCaseWhen(CaseWhen c) {
    ExpressionProto.CaseWhen.Builder b = ExpressionProto.CaseWhen.newBuilder();
    for (CaseWhen.Branch branch : c.branches()) {
      b.addBranches(ExpressionProto.CaseWhen.Branch.newBuilder().setCondition(encode(branch.condition()))
          .setValue(encode(branch.value())));
    }
    c.elseValue().ifPresent(e -> b.setElseValue(encode(e)));
    return node().setCaseWhen(b).build();
  }

  @Override
  public ExpressionProto visitScalarFunction(ScalarFunction f) {
    return node().setScalarFunction(ExpressionProto.ScalarFunction.newBuilder().setName(f.name())
        .addAllArgs(ExpressionSerde.toProtos(f.args()))).build();
  }

  @Override
  public ExpressionProto visitAggregateCall(AggregateCall c) {
    return node().setAggregateCall(ExpressionSerde.aggregateCallToProto(c)).build();
  }

  @Override
  public ExpressionProto visitSortOrder(SortOrder s) {
    return node().setSortOrder(ExpressionSerde.sortOrderToProto(s)).build();
  }

  @Override
  public ExpressionProto visitBoundReference(BoundReference r) {
    return node().setBoundReference(ExpressionProto.BoundReference.newBuilder().setOrdinal(r.ordinal())
        .setDataType(TypeSerde.toProto(r.dataType())).setNullable(r.nullable())).build();
  }

  @Override
  public ExpressionProto visitWindowExpression(WindowExpression w) {
    ExpressionProto.WindowExpression.Builder b = ExpressionProto.WindowExpression.newBuilder()
        .setFunction(encode(w.function()))
        .addAllPartitionSpec(ExpressionSerde.toProtos(w.partitionSpec()))
        .addAllOrderSpec(ExpressionSerde.sortOrdersToProto(w.orderSpec()));
    // The record does not require a frame; an absent frame travels as an unset field and comes back null.
    WindowFrame f = w.frame();
    if (f != null) {
      b.setFrame(ExpressionProto.WindowFrame.newBuilder().setType(EnumSerde.toProto(f.type())).setLower(f.lower())
          .setUpper(f.upper()));
    }
    return node().setWindowExpression(b).build();
  }

  @Override
  public ExpressionProto visitUnresolvedFunction(UnresolvedFunction f) {
    return node().setUnresolvedFunction(ExpressionProto.UnresolvedFunction.newBuilder().setName(f.name())
        .addAllArgs(ExpressionSerde.toProtos(f.args())).setDistinct(f.distinct())).build();
  }

  @Override
  public ExpressionProto visitExtractValue(ExtractValue x) {
    return node().setExtractValue(ExpressionProto.ExtractValue.newBuilder().setChild(encode(x.child()))
        .setKey(encode(x.key()))).build();
  }
}
