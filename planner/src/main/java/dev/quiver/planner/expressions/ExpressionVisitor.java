package dev.quiver.planner.expressions;

/**
 * One method per expression type, no default: adding a type breaks the compile of every walk that must
 * handle it, not a query at runtime.
 */
public interface ExpressionVisitor<R> {
  R visitLiteral(Literal literal);

  R visitAttributeReference(AttributeReference attributeReference);

  R visitUnresolvedAttribute(UnresolvedAttribute unresolvedAttribute);

  R visitUnresolvedStar(UnresolvedStar unresolvedStar);

  R visitAlias(Alias alias);

  R visitCast(Cast cast);

  R visitBinaryArithmetic(BinaryArithmetic binaryArithmetic);

  R visitUnaryMinus(UnaryMinus unaryMinus);

  R visitComparison(Comparison comparison);

  R visitAnd(And and);

  R visitOr(Or or);

  R visitNot(Not not);

  R visitIsNull(IsNull isNull);

  R visitIsNotNull(IsNotNull isNotNull);

  R visitIn(In in);

  R visitCaseWhen(CaseWhen caseWhen);

  R visitScalarFunction(ScalarFunction scalarFunction);

  R visitAggregateCall(AggregateCall aggregateCall);

  R visitSortOrder(SortOrder sortOrder);

  R visitBoundReference(BoundReference boundReference);

  R visitWindowExpression(WindowExpression windowExpression);

  R visitUnresolvedFunction(UnresolvedFunction unresolvedFunction);

  R visitExtractValue(ExtractValue extractValue);
}
