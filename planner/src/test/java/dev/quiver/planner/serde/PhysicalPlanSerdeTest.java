package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhysicalPlanSerdeTest {

  static Stream<PhysicalPlan> samples() {
    return Samples.physicalPlans().stream();
  }

  static Stream<Partitioning> partitionings() {
    return Samples.partitionings().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTrips(PhysicalPlan plan) {
    PhysicalPlan back = PhysicalPlanSerde.fromBytes(PhysicalPlanSerde.toBytes(plan));
    assertEquals(plan, back);
    assertEquals(PhysicalPlanSerde.toProto(plan), PhysicalPlanSerde.toProto(back));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partitionings")
  void partitioningsRoundTrip(Partitioning p) {
    assertEquals(p, PartitioningSerde.fromProto(PartitioningSerde.toProto(p)));
  }
}
