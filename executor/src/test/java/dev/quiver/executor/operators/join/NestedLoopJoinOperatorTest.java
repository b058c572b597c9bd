package dev.quiver.executor.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.operators.Operator;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.NestedLoopJoinExec;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class NestedLoopJoinOperatorTest extends JoinTestBase {
  private final AttributeReference a = attr("a", DataTypes.IntegerType);
  private final AttributeReference x = attr("x", DataTypes.StringType);
  private final AttributeReference b = attr("b", DataTypes.IntegerType);
  private final List<AttributeReference> left = List.of(a, x);
  private final List<AttributeReference> right = List.of(b);

  private static final List<Object[]> LEFT_ROWS = Arrays.asList(new Object[] {1, "p"}, new Object[] {5, "q"},
      new Object[] {null, "r"}, new Object[] {3, null}, new Object[] {9, "s"}, new Object[] {3, "t"});
  private static final List<Object[]> RIGHT_ROWS = Arrays.asList(new Object[] {2}, new Object[] {4},
      new Object[] {null}, new Object[] {4}, new Object[] {0});

  @Test
  void everyTypeWithAndWithoutConditionMatchesTheReference() {
    Expression less = new Comparison(ComparisonOp.LT, a, b);
    BiPredicate<Object[], Object[]> lessRef = (l, r) -> l[0] != null && r[0] != null && (Integer) l[0] < (Integer) r[0];
    for (JoinType type : JoinType.values()) {
      for (BuildSide side : buildSides(type)) {
        for (boolean withCondition : List.of(false, true)) {
          for (int batchSize : List.of(1, 4, 1000)) {
            NestedLoopJoinExec node = new NestedLoopJoinExec(type, side,
                withCondition ? Optional.of(less) : Optional.empty(), new LocalTableScanExec(left, List.of(), 1),
                new LocalTableScanExec(right, List.of(), 1));
            boolean buildRight = side == BuildSide.RIGHT;
            List<AttributeReference> streamOut = buildRight ? left : right;
            List<AttributeReference> buildOut = buildRight ? right : left;
            Operator op = NestedLoopJoinOperator.create(node, source(streamOut, 2, buildRight ? LEFT_ROWS : RIGHT_ROWS),
                streamOut, buildInput(buildOut, buildRight ? RIGHT_ROWS : LEFT_ROWS, 2, true), buildOut, ctx(batchSize));
            List<Integer> sizes = new ArrayList<>();
            String what = type + " building " + side + (withCondition ? " with condition" : "") + ", batch "
                + batchSize;
            assertEquals(reference(type, LEFT_ROWS, RIGHT_ROWS, 2, 1, withCondition ? lessRef : (l, r) -> true),
                asStrings(collect(op, sizes)), what);
            assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= batchSize), what + ": " + sizes);
          }
        }
      }
    }
  }

  @Test
  void emptyBuildSide() {
    for (JoinType type : List.of(JoinType.CROSS, JoinType.LEFT_OUTER, JoinType.LEFT_ANTI, JoinType.LEFT_SEMI)) {
      NestedLoopJoinExec node = new NestedLoopJoinExec(type, BuildSide.RIGHT, Optional.empty(),
          new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(right, List.of(), 1));
      Operator op = NestedLoopJoinOperator.create(node, source(left, 4, LEFT_ROWS), left,
          buildInput(right, List.of(), 4, true), right, ctx(3));
      assertEquals(reference(type, LEFT_ROWS, List.of(), 2, 1, (l, r) -> true), asStrings(collect(op)), type.toString());
    }
  }
}
