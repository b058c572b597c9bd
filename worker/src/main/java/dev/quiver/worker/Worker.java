package dev.quiver.worker;

import dev.quiver.executor.task.ScratchDirs;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.proto.cluster.ClusterServiceGrpc;
import dev.quiver.proto.cluster.HeartbeatRequest;
import dev.quiver.proto.cluster.RegisterWorkerRequest;
import dev.quiver.proto.cluster.RegisterWorkerResponse;
import dev.quiver.proto.cluster.WorkerServiceGrpc;
import dev.quiver.proto.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process: serves the WorkerService, registers with the driver and heartbeats, runs tasks on its
 * slots, keeps its map outputs under its work directory, and registers again (with a new id) whenever the
 * driver no longer knows it — after a driver restart, or after being declared lost.
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  /** How the worker is started: the command line's options. */
  public record Settings(String driverHost, int driverPort, String host, int port, int cores, long memoryBytes,
      Path workDir, Optional<String> secret, int batchSize) {}

  private final Settings settings;
  private final BufferAllocator root;
  private final Path shuffleDir;
  private final TaskSlots tasks;
  private final BroadcastCache broadcasts;
  private final ManagedChannel driverChannel;
  private final ClusterServiceGrpc.ClusterServiceBlockingStub driver;
  private final Map<String, ManagedChannel> peers = new ConcurrentHashMap<>();
  private final FetchStats fetchStats = new FetchStats();
  /** Cached DataFrames' partitions computed here, as Arrow IPC streams, by block key. */
  private final Map<String, byte[]> blocks = new ConcurrentHashMap<>();
  private final Server server;
  private final Thread heartbeats;
  private volatile String id = "";
  private volatile boolean stopped;

  public Worker(Settings settings) throws IOException {
    this.settings = settings;
    Files.createDirectories(settings.workDir());
    this.shuffleDir = Files.createTempDirectory(settings.workDir().toAbsolutePath(), "shuffle-").normalize();
    this.root = new RootAllocator(settings.memoryBytes());
    long taskMemory = settings.memoryBytes() / Math.max(1, settings.cores());
    this.tasks = new TaskSlots(this, new TaskRunner(root, taskMemory, shuffleDir, settings.batchSize()),
        settings.cores());
    this.broadcasts = new BroadcastCache(root.newChildAllocator("broadcasts", 0, Long.MAX_VALUE));
    this.driverChannel = Rpc.channel(settings.driverHost(), settings.driverPort(), settings.secret());
    this.driver = ClusterServiceGrpc.newBlockingStub(driverChannel);
    this.server = Rpc.startServer(settings.host(), settings.port(), settings.secret(),
        List.of(new WorkerService(this)));
    this.heartbeats = new Thread(this::registerAndHeartbeat, "quiver-worker-heartbeat");
    heartbeats.setDaemon(true);
    heartbeats.start();
  }

  public String id() {
    return id;
  }

  public int port() {
    return server.getPort();
  }

  Path shuffleDir() {
    return shuffleDir;
  }

  TaskSlots tasks() {
    return tasks;
  }

  BroadcastCache broadcasts() {
    return broadcasts;
  }

  ClusterServiceGrpc.ClusterServiceBlockingStub driver() {
    return driver;
  }

  /** A stub for another worker's WorkerService (to fetch its shuffle blocks). */
  WorkerServiceGrpc.WorkerServiceBlockingStub peer(String address) {
    ManagedChannel ch = peers.computeIfAbsent(address, a -> {
      int colon = a.lastIndexOf(':');
      return Rpc.channel(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)), settings.secret());
    });
    return WorkerServiceGrpc.newBlockingStub(ch);
  }

  Map<String, byte[]> blocks() {
    return blocks;
  }

  FetchStats fetchStats() {
    return fetchStats;
  }

  void removeJob(long job) {
    String fetched = fetchStats.remove(job);
    if (fetched != null) {
      LOG.info("{}", fetched);
    }
    tasks.forget(job);
    broadcasts.removeJob(job);
    ScratchDirs.deleteRecursively(shuffleDir.resolve("job" + job));
  }

  /** Registers, then heartbeats; goes back to registering when the driver forgets this worker or is away. */
  private void registerAndHeartbeat() {
    String lastProblem = null;
    while (!stopped) {
      try {
        RegisterWorkerResponse r = driver.withDeadlineAfter(10, TimeUnit.SECONDS).registerWorker(
            RegisterWorkerRequest.newBuilder().setHost(settings.host()).setPort(port()).setCores(settings.cores())
                .setMemoryBytes(settings.memoryBytes()).setWorkDir(shuffleDir.toString()).build());
        id = r.getWorkerId();
        lastProblem = null;
        LOG.info("Registered with the driver at {}:{} as {}", settings.driverHost(), settings.driverPort(), id);
        long interval = Math.max(100, r.getHeartbeatIntervalMillis());
        while (!stopped) {
          Thread.sleep(interval);
          boolean known = driver.withDeadlineAfter(Math.max(2000, interval * 3), TimeUnit.MILLISECONDS)
              .heartbeat(HeartbeatRequest.newBuilder().setWorkerId(id).setRunningTasks(tasks.active()).build())
              .getKnown();
          if (!known) {
            LOG.warn("The driver no longer knows worker {}; registering again", id);
            break;
          }
        }
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          LOG.error("The driver refused this worker: {}. Start the worker with the driver's secret "
              + "(QUIVER_SECRET or --conf quiver.authenticate.secret=...).", e.getStatus().getDescription());
        }
        String problem = e.getStatus().getCode() + ": " + e.getStatus().getDescription();
        if (!problem.equals(lastProblem)) {
          // Logged once per kind of problem, not once per retry.
          LOG.warn("Cannot reach the driver at {}:{} ({}); retrying every second", settings.driverHost(),
              settings.driverPort(), problem);
          lastProblem = problem;
        }
        sleepQuietly(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    heartbeats.interrupt();
    Rpc.close(server);
    tasks.close();
    Rpc.close(driverChannel);
    peers.values().forEach(ManagedChannel::shutdownNow);
    broadcasts.close();
    ScratchDirs.deleteRecursively(shuffleDir);
    try {
      root.close();
    } catch (IllegalStateException e) {
      LOG.warn("Some Arrow memory was still in use when the worker stopped: {}", e.getMessage());
    }
  }
}
