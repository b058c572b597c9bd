package dev.quiver.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.WithColumnsRenamed;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Output names and column lining-up that must match Spark's analyzer. */
class SparkNamingAndRenamingTest {
  private final Analyzer analyzer = new Analyzer();

  private static LocalRelation local(String ddl) {
    return LocalRelation.of(StructType.fromDDL(ddl), List.of());
  }

  private static List<String> names(LogicalPlan p) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : p.output()) {
      out.add(a.name());
    }
    return out;
  }

  private static Expression userCast(Expression e) {
    return new Cast(e, DataTypes.StringType, true);
  }

  @Test
  void aUserCastOfAColumnKeepsTheColumnsName() {
    LogicalPlan p = analyzer.analyze(new Project(List.of(userCast(UnresolvedAttribute.of("id"))), local("id BIGINT")));
    assertEquals(List.of("id"), names(p));
    assertEquals(DataTypes.StringType, p.output().get(0).dataType());
  }

  @Test
  void aUserCastOfAnExpressionIsNamedByItsSql() {
    Expression plusOne = new BinaryArithmetic(ArithmeticOp.ADD, UnresolvedAttribute.of("id"), Literal.of(1L));
    LogicalPlan p = analyzer.analyze(new Project(List.of(userCast(plusOne)), local("id BIGINT")));
    assertEquals(List.of("CAST((id + 1) AS STRING)"), names(p));
  }

  @Test
  void unionByNameWithMissingColumnsWhenTheFirstInputIsNarrower() {
    LogicalPlan first = local("a INT");
    LogicalPlan second = local("id BIGINT");
    LogicalPlan p = analyzer.analyze(new Union(List.of(first, second), true, true));
    assertEquals(List.of("a", "id"), names(p));
    assertEquals(DataTypes.IntegerType, p.output().get(0).dataType());
    assertEquals(DataTypes.LongType, p.output().get(1).dataType());
  }

  @Test
  void positionalRenamingRenamesColumnsThatShareAName() {
    LogicalPlan join = Join.on(local("id BIGINT, v INT"), local("id BIGINT, v INT"), JoinType.CROSS,
        Optional.empty());
    LogicalPlan p = analyzer.analyze(new WithColumnsRenamed(List.of(), List.of("a", "b", "c", "d"), join));
    assertEquals(List.of("a", "b", "c", "d"), names(p));
    assertEquals(DataTypes.IntegerType, p.output().get(3).dataType());
  }

  @Test
  void positionalRenamingNeedsOneNamePerColumn() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.analyze(
        new WithColumnsRenamed(List.of(), List.of("x"), local("id BIGINT, v INT"))));
    assertEquals("_LEGACY_ERROR_TEMP_1028", e.getErrorClass());
    assertEquals("[_LEGACY_ERROR_TEMP_1028] Number of column aliases does not match number of columns. Number of "
        + "column aliases: 1; number of columns: 2.", e.getMessage());
  }

  @Test
  void renamingByNameWithNoNamesChangesNothing() {
    LogicalPlan p = analyzer.analyze(new WithColumnsRenamed(List.of(), List.of(), local("id BIGINT, v INT")));
    assertEquals(List.of("id", "v"), names(p));
  }
}
