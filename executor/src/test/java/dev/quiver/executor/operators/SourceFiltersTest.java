package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.formats.SourceFilter;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceFiltersTest {
  private static final AttributeReference A = AttributeReference.create("a", DataTypes.LongType, true);
  private static final AttributeReference S = AttributeReference.create("s", DataTypes.StringType, true);
  /** A partition column: not in the files, so the readers cannot use it. */
  private static final AttributeReference P = AttributeReference.create("p", DataTypes.IntegerType, true);
  private static final Set<String> DATA = Set.of("a", "s");

  private static final Expression A_GT_5 = new Comparison(ComparisonOp.GT, A, Literal.of(5L));
  private static final SourceFilter.Compare F_A_GT_5 = new SourceFilter.Compare("a", SourceFilter.Op.GT, 5L);
  /** Something no reader understands: a comparison of two columns. */
  private static final Expression OPAQUE = new Comparison(ComparisonOp.EQ, A, A);

  private static Optional<SourceFilter> t(Expression e) {
    return SourceFilters.translate(e, DATA);
  }

  @Test
  void comparisonsEitherWayRound() {
    for (ComparisonOp op : List.of(ComparisonOp.EQ, ComparisonOp.LT, ComparisonOp.LTE, ComparisonOp.GT,
        ComparisonOp.GTE)) {
      SourceFilter.Op expected = SourceFilter.Op.valueOf(op.name());
      assertEquals(Optional.of(new SourceFilter.Compare("a", expected, 3L)),
          t(new Comparison(op, A, Literal.of(3L))), op.toString());
    }
    // 3 < a is a > 3.
    assertEquals(Optional.of(new SourceFilter.Compare("a", SourceFilter.Op.GT, 3L)),
        t(new Comparison(ComparisonOp.LT, Literal.of(3L), A)));
    assertEquals(Optional.of(new SourceFilter.Compare("a", SourceFilter.Op.LTE, 3L)),
        t(new Comparison(ComparisonOp.GTE, Literal.of(3L), A)));
    assertEquals(Optional.of(new SourceFilter.Compare("s", SourceFilter.Op.EQ, "x")),
        t(new Comparison(ComparisonOp.EQ, Literal.of("x"), S)));
  }

  @Test
  void untranslatableComparisonsAreDropped() {
    assertEquals(Optional.empty(), t(new Comparison(ComparisonOp.NULL_SAFE_EQ, A, Literal.of(3L))));
    assertEquals(Optional.empty(), t(new Comparison(ComparisonOp.EQ, A, Literal.nullOf(DataTypes.LongType))));
    assertEquals(Optional.empty(), t(new Comparison(ComparisonOp.EQ, P, Literal.of(1))), "partition column");
    assertEquals(Optional.empty(), t(OPAQUE));
    assertEquals(Optional.empty(), t(new Comparison(ComparisonOp.EQ, Literal.of(1L), Literal.of(1L))));
  }

  @Test
  void nullChecks() {
    assertEquals(Optional.of(new SourceFilter.IsNull("a")), t(new IsNull(A)));
    assertEquals(Optional.of(new SourceFilter.IsNotNull("s")), t(new IsNotNull(S)));
    assertEquals(Optional.empty(), t(new IsNull(P)));
    assertEquals(Optional.empty(), t(new IsNotNull(Literal.of(1L))));
  }

  @Test
  void inLists() {
    assertEquals(Optional.of(new SourceFilter.In("a", List.of(1L, 2L))),
        t(new In(A, List.of(Literal.of(1L), Literal.of(2L)))));
    assertEquals(Optional.empty(), t(new In(A, List.of(Literal.of(1L), Literal.nullOf(DataTypes.LongType)))));
    assertEquals(Optional.empty(), t(new In(A, List.of(Literal.of(1L), A))));
    assertEquals(Optional.empty(), t(new In(P, List.of(Literal.of(1)))));
  }

  @Test
  void startsWith() {
    assertEquals(Optional.of(new SourceFilter.StringStartsWith("s", "ab")),
        t(ScalarFunction.of("startswith", S, Literal.of("ab"))));
    assertEquals(Optional.empty(), t(ScalarFunction.of("startswith", S, S)));
    assertEquals(Optional.empty(), t(ScalarFunction.of("upper", S)));
  }

  @Test
  void andKeepsWhatTranslates() {
    Expression sNull = new IsNull(S);
    assertEquals(Optional.of(new SourceFilter.And(F_A_GT_5, new SourceFilter.IsNull("s"))),
        t(new And(A_GT_5, sNull)));
    // a > 5 AND <opaque>: every matching row has a > 5, so that part may still skip data.
    assertEquals(Optional.of(F_A_GT_5), t(new And(A_GT_5, OPAQUE)));
    assertEquals(Optional.of(F_A_GT_5), t(new And(OPAQUE, A_GT_5)));
    assertEquals(Optional.empty(), t(new And(OPAQUE, OPAQUE)));
  }

  @Test
  void orNeedsBothSides() {
    assertEquals(Optional.of(new SourceFilter.Or(F_A_GT_5, new SourceFilter.IsNull("a"))),
        t(new Or(A_GT_5, new IsNull(A))));
    assertEquals(Optional.empty(), t(new Or(A_GT_5, OPAQUE)));
    // (a > 5 AND opaque) OR a IS NULL: implied by (a > 5) OR (a IS NULL).
    assertEquals(Optional.of(new SourceFilter.Or(F_A_GT_5, new SourceFilter.IsNull("a"))),
        t(new Or(new And(A_GT_5, OPAQUE), new IsNull(A))));
  }

  @Test
  void notOfATranslatableFilter() {
    assertEquals(Optional.of(new SourceFilter.Not(F_A_GT_5)), t(new Not(A_GT_5)));
    assertEquals(Optional.of(new SourceFilter.Not(new SourceFilter.And(F_A_GT_5, new SourceFilter.IsNull("s")))),
        t(new Not(new And(A_GT_5, new IsNull(S)))));
    assertEquals(Optional.empty(), t(new Not(OPAQUE)));
  }

  @Test
  void notOfAPartlyTranslatableAndIsDropped() {
    // NOT (a > 5 AND opaque) holds for rows with a > 5 where opaque is false: NOT (a > 5) would skip them.
    assertEquals(Optional.empty(), t(new Not(new And(A_GT_5, OPAQUE))));
    assertEquals(Optional.empty(), t(new Not(new Or(new And(A_GT_5, OPAQUE), new IsNull(A)))));
    assertEquals(Optional.empty(), t(new And(new Not(new And(OPAQUE, A_GT_5)), OPAQUE)));
    // Two negations make it an implication again, but dropping it stays correct.
    assertEquals(Optional.of(new SourceFilter.Not(new SourceFilter.Not(F_A_GT_5))), t(new Not(new Not(A_GT_5))));
  }

  @Test
  void aListKeepsOnlyTheTranslatableFilters() {
    assertEquals(List.of(F_A_GT_5, new SourceFilter.IsNotNull("s")),
        SourceFilters.translate(List.of(A_GT_5, OPAQUE, new IsNotNull(S), new IsNull(P)), DATA));
    assertEquals(List.of(), SourceFilters.translate(List.of(), DATA));
  }
}
