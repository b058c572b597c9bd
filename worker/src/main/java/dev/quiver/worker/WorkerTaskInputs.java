package dev.quiver.worker;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.BatchListOperator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.executor.shuffle.KeyBloomFilter;
import dev.quiver.executor.shuffle.LocalBlocks;
import dev.quiver.executor.shuffle.ShuffleBlockReader;
import dev.quiver.executor.task.ShuffleFetchException;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.proto.cluster.CachedBlock;
import dev.quiver.proto.cluster.FetchBlockRequest;
import dev.quiver.proto.cluster.FetchCachedRequest;
import dev.quiver.proto.cluster.FetchShuffleRequest;
import dev.quiver.proto.cluster.LaunchTaskRequest;
import dev.quiver.proto.cluster.MapOutputLocation;
import dev.quiver.proto.cluster.ShuffleInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A task's inputs on a worker, from what the driver sent with it: shuffle blocks read from this worker's disk
 * when it wrote them and fetched from the writing worker otherwise; broadcasts from the worker's cache (fetched
 * from the driver once per job); cached partitions from the driver.
 */
final class WorkerTaskInputs implements TaskInputs {
  private final Worker worker;
  private final LaunchTaskRequest request;
  private final Map<Integer, ShuffleInput> shuffles = new HashMap<>();
  /** The join keys this map task records for the driver (see {@link #recordedJoinKeys()}), or null. */
  private final KeyBloomFilter recorded;
  private final KeyBloomFilter keep;

  WorkerTaskInputs(Worker worker, LaunchTaskRequest request) {
    this.worker = worker;
    this.request = request;
    this.recorded = request.getRecordJoinKeys() ? new KeyBloomFilter() : null;
    if (request.getKeepJoinKeys().isEmpty()) {
      this.keep = null;
    } else {
      this.keep = new KeyBloomFilter();
      keep.merge(request.getKeepJoinKeys().toByteArray(), 0);
    }
    for (ShuffleInput s : request.getShufflesList()) {
      shuffles.put(s.getMapStageId(), s);
    }
  }

  @Override
  public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
    ShuffleInput input = shuffles.get(stageId);
    if (input == null) {
      throw new IllegalStateException("The driver sent no map output locations for stage " + stageId);
    }
    List<ShuffleBlockReader.BlockSource> blocks = new ArrayList<>();
    for (MapOutputLocation m : input.getMapOutputsList()) {
      if (m.getPartitionRows(partition) == 0) {
        continue;
      }
      blocks.add(block(stageId, m, partition));
    }
    return new ShuffleBlockReader(blocks, allocator, () -> "partition " + partition + " of the shuffle of stage "
        + stageId + " (job " + request.getJobId() + ")");
  }

  private ShuffleBlockReader.BlockSource block(int stageId, MapOutputLocation m, int partition) {
    int numPartitions = m.getPartitionBytesCount();
    if (m.getWorkerId().equals(worker.id())) {
      ShuffleBlockReader.BlockSource local = LocalBlocks.range(Path.of(m.getDataFile()), Path.of(m.getIndexFile()),
          numPartitions, partition);
      return () -> {
        try {
          return local.open();
        } catch (IOException e) {
          throw new ShuffleFetchException(stageId, m.getWorkerId(), "Shuffle file of stage " + stageId
              + " is missing on this worker: " + e.getMessage(), e);
        }
      };
    }
    FetchShuffleRequest req = FetchShuffleRequest.newBuilder().setDataFile(m.getDataFile())
        .setIndexFile(m.getIndexFile()).setNumPartitions(numPartitions).setPartition(partition).build();
    return () -> Fetches.stream(() -> worker.peer(m.getWorkerAddress()).fetchShuffle(req),
        ChunkInputStream.fetchFailure(stageId, m.getWorkerId(), m.getWorkerAddress()),
        worker.fetchStats().job(request.getJobId()));
  }

  @Override
  public KeyBloomFilter joinKeysOf(int stageId) {
    return recorded;
  }

  @Override
  public KeyBloomFilter joinKeysFor(int stageId) {
    return keep;
  }

  /** The join keys the task recorded, to send back with its map output; null when it records none. */
  KeyBloomFilter recordedJoinKeys() {
    return recorded;
  }

  @Override
  public List<Batch> broadcast(int stageId) {
    return worker.broadcasts().get(request.getJobId(), stageId, worker.driver()).batches();
  }

  @Override
  public BroadcastHashTables broadcastTables(int stageId) {
    return worker.broadcasts().get(request.getJobId(), stageId, worker.driver()).tables();
  }

  @Override
  public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
    String what = "partition " + partition + " of cached DataFrame " + cacheId;
    for (CachedBlock b : request.getCachedBlocksList()) {
      if (b.getCacheId() != cacheId) {
        continue;
      }
      if (b.getWorkerId().equals(worker.id())) {
        byte[] bytes = worker.blocks().get(b.getBlockKey());
        if (bytes == null) {
          throw new IllegalStateException(what + " is no longer on worker " + worker.id());
        }
        return new BatchListOperator(Fetches.decode(List.of(bytes), allocator, what));
      }
      List<byte[]> parts = Fetches.parts(worker.peer(b.getWorkerAddress())
          .fetchBlock(FetchBlockRequest.newBuilder().setBlockKey(b.getBlockKey()).build()));
      return new BatchListOperator(Fetches.decode(parts, allocator, what));
    }
    List<byte[]> parts = Fetches.parts(worker.driver().fetchCached(FetchCachedRequest.newBuilder()
        .setJobId(request.getJobId()).setCacheId(cacheId).setPartition(partition).build()));
    return new BatchListOperator(Fetches.decode(parts, allocator, "partition " + partition + " of cached DataFrame "
        + cacheId));
  }
}
