package dev.quiver.worker;

import dev.quiver.executor.shuffle.LocalBlocks;
import dev.quiver.executor.task.DataChunks;
import dev.quiver.executor.task.TaskFailure;
import dev.quiver.executor.task.TaskResultSerde;
import dev.quiver.proto.cluster.Ack;
import dev.quiver.proto.cluster.DataChunk;
import dev.quiver.proto.cluster.FetchBlockRequest;
import dev.quiver.proto.cluster.FetchShuffleRequest;
import dev.quiver.proto.cluster.JobRequest;
import dev.quiver.proto.cluster.LaunchTaskRequest;
import dev.quiver.proto.cluster.TaskResult;
import dev.quiver.proto.cluster.WorkerServiceGrpc;
import dev.quiver.proto.rpc.Rpc;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The worker's side of the driver/worker contract: run tasks, cancel them, serve and delete shuffle files. */
final class WorkerService extends WorkerServiceGrpc.WorkerServiceImplBase {
  private final Worker worker;

  WorkerService(Worker worker) {
    this.worker = worker;
  }

  @Override
  public void launchTask(LaunchTaskRequest req, StreamObserver<TaskResult> out) {
    if (!req.getWorkerId().equals(worker.id())) {
      out.onNext(TaskResultSerde.encode(TaskFailure.of(new IllegalStateException("This task was meant for worker "
          + req.getWorkerId() + ", but this is worker " + worker.id() + " (it restarted)"))));
      out.onCompleted();
      return;
    }
    worker.tasks().submit(req, result -> {
      out.onNext(result);
      out.onCompleted();
    });
  }

  @Override
  public void cancelJob(JobRequest req, StreamObserver<Ack> out) {
    worker.tasks().cancel(req.getJobId());
    out.onNext(Ack.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void removeJob(JobRequest req, StreamObserver<Ack> out) {
    worker.removeJob(req.getJobId());
    out.onNext(Ack.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void fetchBlock(FetchBlockRequest req, StreamObserver<DataChunk> out) {
    byte[] bytes = worker.blocks().get(req.getBlockKey());
    if (bytes == null) {
      out.onError(Status.NOT_FOUND.withDescription("Block " + req.getBlockKey() + " is not on worker " + worker.id())
          .asRuntimeException());
      return;
    }
    DataChunks.send(bytes, 0, out);
    out.onCompleted();
  }

  /** Streams one reduce partition of a map output, as fast as the reader takes it (gRPC flow control). */
  @Override
  public void fetchShuffle(FetchShuffleRequest req, StreamObserver<DataChunk> responses) {
    Path data = Path.of(req.getDataFile()).normalize();
    Path index = Path.of(req.getIndexFile()).normalize();
    if (!data.startsWith(worker.shuffleDir()) || !index.startsWith(worker.shuffleDir())) {
      responses.onError(Status.PERMISSION_DENIED.withDescription("Only shuffle files of this worker are served")
          .asRuntimeException());
      return;
    }
    InputStream in;
    try {
      in = LocalBlocks.range(data, index, req.getNumPartitions(), req.getPartition()).open();
    } catch (IOException e) {
      responses.onError(Status.NOT_FOUND.withDescription("Shuffle file " + data + " on worker " + worker.id()
          + ": " + e.getMessage()).asRuntimeException());
      return;
    }
    ServerCallStreamObserver<DataChunk> out = (ServerCallStreamObserver<DataChunk>) responses;
    Sender sender = new Sender(in, out);
    out.setOnCancelHandler(sender::close);
    out.setOnReadyHandler(sender::drain);
  }

  /** Sends the stream's bytes in chunks while the client keeps up. */
  private static final class Sender {
    private final InputStream in;
    private final ServerCallStreamObserver<DataChunk> out;
    private boolean done;

    Sender(InputStream in, ServerCallStreamObserver<DataChunk> out) {
      this.in = in;
      this.out = out;
    }

    synchronized void drain() {
      try {
        byte[] buf = new byte[Rpc.CHUNK_BYTES];
        while (!done && out.isReady()) {
          int n = in.readNBytes(buf, 0, buf.length);
          if (n > 0) {
            out.onNext(DataChunk.newBuilder().setData(ByteString.copyFrom(buf, 0, n)).build());
          }
          if (n < buf.length) {
            close();
            out.onCompleted();
          }
        }
      } catch (IOException e) {
        close();
        out.onError(Status.DATA_LOSS.withDescription("Reading a shuffle file failed: " + e.getMessage())
            .asRuntimeException());
      }
    }

    synchronized void close() {
      if (!done) {
        done = true;
        try {
          in.close();
        } catch (IOException e) {
          // Nothing left to do with it.
        }
      }
    }
  }
}
