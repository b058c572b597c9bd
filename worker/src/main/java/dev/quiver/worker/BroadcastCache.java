package dev.quiver.worker;

import dev.quiver.executor.batch.Batch;
import dev.quiver.proto.cluster.ClusterServiceGrpc;
import dev.quiver.proto.cluster.FetchBroadcastRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of broadcast stages on this worker: fetched from the driver once per (job, stage), however many of
 * the job's tasks run here, decoded once, shared read-only by those tasks, and released when the job ends.
 */
final class BroadcastCache implements AutoCloseable {
  private record Key(long job, int stage) {}

  private final BufferAllocator allocator;
  private final Map<Key, CompletableFuture<List<Batch>>> entries = new ConcurrentHashMap<>();
  private final AtomicLong fetches = new AtomicLong();

  BroadcastCache(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  List<Batch> get(long job, int stage, ClusterServiceGrpc.ClusterServiceBlockingStub driver) {
    CompletableFuture<List<Batch>> mine = new CompletableFuture<>();
    CompletableFuture<List<Batch>> f = entries.putIfAbsent(new Key(job, stage), mine);
    if (f == null) {
      f = mine;
      try {
        fetches.incrementAndGet();
        List<byte[]> parts = Fetches.parts(driver.fetchBroadcast(FetchBroadcastRequest.newBuilder().setJobId(job)
            .setStageId(stage).build()));
        mine.complete(Fetches.decode(parts, allocator, "the broadcast of stage " + stage + " of job " + job));
      } catch (RuntimeException e) {
        entries.remove(new Key(job, stage), mine);
        mine.completeExceptionally(e);
      }
    }
    return f.join();
  }

  /** How many broadcasts this worker fetched from the driver. */
  long fetches() {
    return fetches.get();
  }

  void removeJob(long job) {
    entries.entrySet().removeIf(e -> {
      if (e.getKey().job() == job) {
        e.getValue().thenAccept(batches -> batches.forEach(Batch::close));
        return true;
      }
      return false;
    });
  }

  @Override
  public void close() {
    for (CompletableFuture<List<Batch>> f : entries.values()) {
      f.thenAccept(batches -> batches.forEach(Batch::close));
    }
    entries.clear();
    allocator.close();
  }
}
