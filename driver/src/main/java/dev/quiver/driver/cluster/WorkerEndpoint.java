package dev.quiver.driver.cluster;

import dev.quiver.proto.cluster.WorkerServiceGrpc;
import dev.quiver.proto.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.util.Optional;

/**
 * The driver's handle on one registered worker: where it is, how many task slots it has and how many are free,
 * when it last sent a heartbeat, and a channel to its WorkerService.
 */
final class WorkerEndpoint {
  private final String id;
  private final String host;
  private final int port;
  private final int cores;
  private final long memoryBytes;
  private final long registeredAt = System.currentTimeMillis();
  private final ManagedChannel channel;
  private final WorkerServiceGrpc.WorkerServiceStub stub;
  private volatile long lastHeartbeatNanos = System.nanoTime();
  /** Guarded by the launcher's lock. */
  int freeSlots;
  long tasksFinished;

  WorkerEndpoint(String id, String host, int port, int cores, long memoryBytes, Optional<String> secret) {
    this.id = id;
    this.host = host;
    this.port = port;
    this.cores = cores;
    this.memoryBytes = memoryBytes;
    this.freeSlots = cores;
    this.channel = Rpc.channel(host, port, secret);
    this.stub = WorkerServiceGrpc.newStub(channel);
  }

  String id() {
    return id;
  }

  String address() {
    return host + ":" + port;
  }

  int cores() {
    return cores;
  }

  long memoryBytes() {
    return memoryBytes;
  }

  long registeredAt() {
    return registeredAt;
  }

  WorkerServiceGrpc.WorkerServiceStub stub() {
    return stub;
  }

  void heartbeat() {
    lastHeartbeatNanos = System.nanoTime();
  }

  long millisSinceHeartbeat() {
    return (System.nanoTime() - lastHeartbeatNanos) / 1_000_000;
  }

  /** The prefix put before the names of map output files this worker wrote, so the driver knows their place. */
  String outputPrefix() {
    return MapOutputPlace.prefix(id, address());
  }

  void close() {
    channel.shutdownNow();
  }

  @Override
  public String toString() {
    return "worker " + id + " at " + address();
  }
}
