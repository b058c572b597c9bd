package dev.quiver.planner.serde;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.proto.LogicalPlanProto;

/** Logical plans to and from {@code LogicalPlanProto}: the client -> driver contract. */
public final class LogicalPlanSerde {
  private LogicalPlanSerde() {}

  public static byte[] toBytes(LogicalPlan plan) {
    return toProto(plan).toByteArray();
  }

  public static LogicalPlan fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, LogicalPlanProto.parser(), "LogicalPlanProto"));
  }

  static LogicalPlanProto toProto(LogicalPlan plan) {
    return plan.accept(LogicalPlanEncoder.INSTANCE);
  }

  static LogicalPlan fromProto(LogicalPlanProto p) {
    return LogicalPlanDecoder.decode(p);
  }
}
