package dev.quiver.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which aggregates of a phase merge buffers and which read rows. */
class HashAggregateExecTest {
  private static final AttributeReference X = AttributeReference.create("x", DataTypes.LongType, true);
  private static final AggregateCall SUM = AggregateCall.of(AggregateFunction.SUM, X);
  private static final AggregateCall COUNT = AggregateCall.of(AggregateFunction.COUNT, X);
  private static final List<AttributeReference> RESULTS = List.of(
      AttributeReference.create("sum(x)", DataTypes.LongType, true),
      AttributeReference.create("count(x)", DataTypes.LongType, false));
  private static final List<AttributeReference> BUFFERS = AggregateBuffers.attributesFor(List.of(SUM, COUNT));
  private static final PhysicalPlan INPUT = new LocalTableScanExec(List.of(X), List.of(), 1);

  private static HashAggregateExec phase(AggregateMode mode, List<Boolean> fromBuffers) {
    return new HashAggregateExec(mode, List.of(), List.of(SUM, COUNT), RESULTS, BUFFERS, fromBuffers, List.of(),
        INPUT);
  }

  @Test
  void withoutAListFinalMergesEveryAggregateAndTheOtherModesReadRows() {
    assertEquals(List.of(true, true), phase(AggregateMode.FINAL, List.of()).fromBuffers());
    assertEquals(List.of(false, false), phase(AggregateMode.PARTIAL, List.of()).fromBuffers());
    assertEquals(List.of(false, false), phase(AggregateMode.COMPLETE, List.of()).fromBuffers());
  }

  @Test
  void onlyAPartialPhaseMayMixMergingAndReading() {
    HashAggregateExec middle = phase(AggregateMode.PARTIAL, List.of(true, false));
    assertEquals(List.of(true, false), middle.fromBuffers());
    assertEquals(BUFFERS, middle.output());
    assertThrows(IllegalArgumentException.class, () -> phase(AggregateMode.FINAL, List.of(true, false)));
    assertThrows(IllegalArgumentException.class, () -> phase(AggregateMode.COMPLETE, List.of(false, true)));
    assertThrows(IllegalArgumentException.class, () -> phase(AggregateMode.PARTIAL, List.of(true)));
  }
}
