package dev.quiver.planner.serde;

import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.proto.PhysicalPlanProto;

/** Physical plans (stage fragments) to and from {@code PhysicalPlanProto}: the driver -> worker contract. */
public final class PhysicalPlanSerde {
  private PhysicalPlanSerde() {}

  public static byte[] toBytes(PhysicalPlan plan) {
    return toProto(plan).toByteArray();
  }

  public static PhysicalPlan fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, PhysicalPlanProto.parser(), "PhysicalPlanProto"));
  }

  static PhysicalPlanProto toProto(PhysicalPlan plan) {
    return plan.accept(PhysicalPlanEncoder.INSTANCE);
  }

  static PhysicalPlan fromProto(PhysicalPlanProto p) {
    return PhysicalPlanDecoder.decode(p);
  }
}
