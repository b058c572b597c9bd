package dev.quiver.driver.cluster;

import dev.quiver.executor.task.DataChunks;
import dev.quiver.proto.cluster.ClusterServiceGrpc;
import dev.quiver.proto.cluster.DataChunk;
import dev.quiver.proto.cluster.FetchBroadcastRequest;
import dev.quiver.proto.cluster.FetchCachedRequest;
import dev.quiver.proto.cluster.HeartbeatRequest;
import dev.quiver.proto.cluster.HeartbeatResponse;
import dev.quiver.proto.cluster.RegisterWorkerRequest;
import dev.quiver.proto.cluster.RegisterWorkerResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;

/** The driver's side of the driver/worker contract: registration, heartbeats, broadcast and cache fetches. */
public final class ClusterService extends ClusterServiceGrpc.ClusterServiceImplBase {
  private final Cluster cluster;

  public ClusterService(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public void registerWorker(RegisterWorkerRequest req, StreamObserver<RegisterWorkerResponse> out) {
    String id = cluster.register(req.getHost(), req.getPort(), req.getCores(), req.getMemoryBytes());
    out.onNext(RegisterWorkerResponse.newBuilder().setWorkerId(id)
        .setHeartbeatIntervalMillis(cluster.heartbeatIntervalMillis()).build());
    out.onCompleted();
  }

  @Override
  public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatResponse> out) {
    out.onNext(HeartbeatResponse.newBuilder().setKnown(cluster.heartbeat(req.getWorkerId())).build());
    out.onCompleted();
  }

  @Override
  public void fetchBroadcast(FetchBroadcastRequest req, StreamObserver<DataChunk> out) {
    Optional<List<byte[]>> streams = cluster.broadcast(req.getJobId(), req.getStageId());
    if (streams.isEmpty()) {
      out.onError(Status.NOT_FOUND.withDescription("No broadcast of stage " + req.getStageId() + " of job "
          + req.getJobId() + " (the job ended?)").asRuntimeException());
      return;
    }
    List<byte[]> parts = streams.get();
    for (int i = 0; i < parts.size(); i++) {
      DataChunks.send(parts.get(i), i, out);
    }
    out.onCompleted();
  }

  @Override
  public void fetchCached(FetchCachedRequest req, StreamObserver<DataChunk> out) {
    Optional<byte[]> part = cluster.cachedPartition(req.getJobId(), req.getCacheId(), req.getPartition());
    if (part.isEmpty()) {
      out.onError(Status.NOT_FOUND.withDescription("Cached DataFrame " + req.getCacheId() + " is not pinned for job "
          + req.getJobId()).asRuntimeException());
      return;
    }
    DataChunks.send(part.get(), 0, out);
    out.onCompleted();
  }
}
