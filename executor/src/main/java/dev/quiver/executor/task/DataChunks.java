package dev.quiver.executor.task;

import com.google.protobuf.ByteString;
import dev.quiver.proto.cluster.DataChunk;
import dev.quiver.proto.rpc.Rpc;
import io.grpc.stub.StreamObserver;

/** Sends a byte payload (an Arrow IPC stream) over a server stream, cut into chunks far below gRPC's limit. */
public final class DataChunks {
  private DataChunks() {}

  /** Sends {@code bytes} as chunks of part {@code part}; an empty payload still sends one (empty) chunk. */
  public static void send(byte[] bytes, int part, StreamObserver<DataChunk> out) {
    int off = 0;
    do {
      int n = Math.min(Rpc.CHUNK_BYTES, bytes.length - off);
      out.onNext(DataChunk.newBuilder().setPart(part).setData(ByteString.copyFrom(bytes, off, n)).build());
      off += n;
    } while (off < bytes.length);
  }
}
