package dev.quiver.planner.serde;

import dev.quiver.planner.physical.Partitioning;
import dev.quiver.proto.PartitioningProto;

/** Output partitionings, used by exchanges, shuffle reads and map-stage tasks. */
final class PartitioningSerde {
  private PartitioningSerde() {}

  static PartitioningProto toProto(Partitioning p) {
    PartitioningProto.Builder b = PartitioningProto.newBuilder();
    // Java 17 has no exhaustive switch over a sealed interface, so a new variant reaches the throw below;
    // the round-trip test checks every permitted subclass of Partitioning has a case.
    if (p instanceof Partitioning.Single) {
      return b.setSingle(PartitioningProto.Single.getDefaultInstance()).build();
    } else if (p instanceof Partitioning.Hash h) {
      return b.setHash(PartitioningProto.Hash.newBuilder().addAllExpressions(ExpressionSerde.toProtos(h.expressions()))
          .setNumPartitions(h.numPartitions())).build();
    } else if (p instanceof Partitioning.RoundRobin r) {
      return b.setRoundRobin(PartitioningProto.RoundRobin.newBuilder().setNumPartitions(r.numPartitions())).build();
    } else if (p instanceof Partitioning.Unknown u) {
      return b.setUnknown(PartitioningProto.Unknown.newBuilder().setNumPartitions(u.numPartitions())).build();
    }
    throw new IllegalArgumentException("The partitioning " + p + " has no protobuf form; add it to "
        + "physical_plan.proto and PartitioningSerde.");
  }

  static Partitioning fromProto(PartitioningProto p) {
    switch (p.getKindCase()) {
      case SINGLE:
        return new Partitioning.Single();
      case HASH:
        return new Partitioning.Hash(ExpressionSerde.fromProtos(p.getHash().getExpressionsList()),
            p.getHash().getNumPartitions());
      case ROUND_ROBIN:
        return new Partitioning.RoundRobin(p.getRoundRobin().getNumPartitions());
      case UNKNOWN:
        return new Partitioning.Unknown(p.getUnknown().getNumPartitions());
      default:
        throw PlanDecodingException.unknownCase("PartitioningProto.kind", p.getKindCase());
    }
  }
}
