package dev.quiver.worker;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.proto.cluster.ClusterServiceGrpc;
import dev.quiver.proto.cluster.FetchBroadcastRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of broadcast stages on this worker: fetched from the driver once per (job, stage), however many of
 * the job's tasks run here, decoded once, shared read-only by those tasks (with the hash tables they build over
 * it), and released when the job ends.
 */
final class BroadcastCache implements AutoCloseable {
  private record Key(long job, int stage) {}

  /** One broadcast's rows and the join tables over them; the tables go first, as they read the rows. */
  record Shared(List<Batch> batches, BroadcastHashTables tables) {
    void close() {
      List<AutoCloseable> owned = new ArrayList<>();
      owned.add(tables);
      owned.addAll(batches);
      Operators.closeAll(owned);
    }
  }

  private final BufferAllocator allocator;
  private final Map<Key, CompletableFuture<Shared>> entries = new ConcurrentHashMap<>();
  private final AtomicLong fetches = new AtomicLong();

  BroadcastCache(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  Shared get(long job, int stage, ClusterServiceGrpc.ClusterServiceBlockingStub driver) {
    CompletableFuture<Shared> mine = new CompletableFuture<>();
    CompletableFuture<Shared> f = entries.putIfAbsent(new Key(job, stage), mine);
    if (f == null) {
      f = mine;
      try {
        fetches.incrementAndGet();
        List<byte[]> parts = Fetches.parts(driver.fetchBroadcast(FetchBroadcastRequest.newBuilder().setJobId(job)
            .setStageId(stage).build()));
        mine.complete(new Shared(Fetches.decode(parts, allocator, "the broadcast of stage " + stage + " of job " + job),
            new BroadcastHashTables(allocator)));
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
        e.getValue().thenAccept(Shared::close);
        return true;
      }
      return false;
    });
  }

  @Override
  public void close() {
    for (CompletableFuture<Shared> f : entries.values()) {
      f.thenAccept(Shared::close);
    }
    entries.clear();
    allocator.close();
  }
}
