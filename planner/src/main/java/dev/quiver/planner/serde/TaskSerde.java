package dev.quiver.planner.serde;

import dev.quiver.planner.stages.StageId;

/**
 * Task definitions to and from the {@code TaskDefinition} message: what the driver sends a worker, and what
 * {@code local[n]} passes through bytes to its threads with {@code quiver.local.encodeTasks} (as the test suites
 * run) so that local runs test the worker's input too.
 */
public final class TaskSerde {
  private TaskSerde() {}

  public static byte[] toBytes(TaskDefinition task) {
    return toProto(task).toByteArray();
  }

  public static TaskDefinition fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, dev.quiver.proto.TaskDefinition.parser(), "TaskDefinition"));
  }

  // The generated message shares the record's simple name, hence the qualified name here.
  static dev.quiver.proto.TaskDefinition toProto(TaskDefinition t) {
    return dev.quiver.proto.TaskDefinition.newBuilder().setJobId(t.jobId()).setStageId(t.stageId().id())
        .setPartition(t.partition()).setAttempt(t.attempt()).setKind(EnumSerde.toProto(t.kind()))
        .setFragment(PhysicalPlanSerde.toProto(t.fragment()))
        .setOutputPartitioning(PartitioningSerde.toProto(t.outputPartitioning()))
        .setNumOutputPartitions(t.numOutputPartitions()).putAllSettings(t.settings()).build();
  }

  static TaskDefinition fromProto(dev.quiver.proto.TaskDefinition p) {
    try {
      return new TaskDefinition(p.getJobId(), new StageId(p.getStageId()), p.getPartition(), p.getAttempt(),
          EnumSerde.fromProto(p.getKind()), PhysicalPlanSerde.fromProto(p.getFragment()),
          PartitioningSerde.fromProto(p.getOutputPartitioning()), p.getNumOutputPartitions(), p.getSettingsMap());
    } catch (PlanDecodingException e) {
      throw e.inside("TaskDefinition(job " + p.getJobId() + ", stage " + p.getStageId() + ", partition "
          + p.getPartition() + ", attempt " + p.getAttempt() + ")");
    }
  }
}
