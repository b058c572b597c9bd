package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails when a record is added to a sealed model interface without a sample in {@link Samples}: every record
 * must round-trip in a test (the visitors already make the encoders fail to compile; this covers decoding).
 */
class CoverageTest {

  @Test
  void everyExpressionRecordHasASample() {
    assertEquals(List.of(), SealedTypes.withoutSample(Expression.class, Samples.expressions()),
        "Expression records without a round-trip sample in Samples.expressions()");
  }

  @Test
  void everyLogicalPlanRecordHasASample() {
    assertEquals(List.of(), SealedTypes.withoutSample(LogicalPlan.class, Samples.logicalPlans()),
        "LogicalPlan records without a round-trip sample in Samples.logicalPlans()");
  }

  @Test
  void everyPhysicalPlanRecordHasASample() {
    assertEquals(List.of(), SealedTypes.withoutSample(PhysicalPlan.class, Samples.physicalPlans()),
        "PhysicalPlan records without a round-trip sample in Samples.physicalPlans()");
  }

  @Test
  void everyPartitioningRecordHasASample() {
    assertEquals(List.of(), SealedTypes.withoutSample(Partitioning.class, Samples.partitionings()),
        "Partitioning records without a round-trip sample in Samples.partitionings()");
  }

  @Test
  void theReflectionSeesTheWholeHierarchy() {
    // Guards the guard: if getPermittedSubclasses stopped expanding, the tests above would pass vacuously.
    assertTrue(SealedTypes.concreteRecords(Expression.class).size() >= 23);
    assertTrue(SealedTypes.concreteRecords(LogicalPlan.class).size() >= 20);
    assertTrue(SealedTypes.concreteRecords(PhysicalPlan.class).size() >= 20);
    assertEquals(4, SealedTypes.concreteRecords(Partitioning.class).size());
  }
}
