package dev.quiver.driver.remote;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.quiver.driver.IpcResult;
import dev.quiver.planner.serde.TypeSerde;
import dev.quiver.proto.ResultChunk;
import dev.quiver.proto.rpc.Rpc;
import java.util.ArrayList;
import java.util.List;

/** Cuts a result into the messages of a Collect stream: the schema first, then each partition's IPC bytes. */
final class ResultChunks {
  private ResultChunks() {}

  static List<ResultChunk> of(IpcResult result, int chunkBytes) {
    List<ResultChunk> chunks = new ArrayList<>();
    chunks.add(ResultChunk.newBuilder().setSchema(ByteString.copyFrom(TypeSerde.toBytes(result.schema())))
        .setPartition(-1).build());
    List<byte[]> partitions = result.partitions();
    for (int p = 0; p < partitions.size(); p++) {
      byte[] ipc = partitions.get(p);
      int offset = 0;
      do {
        int n = Math.min(chunkBytes, ipc.length - offset);
        // Wrapped, not copied: nothing writes to a result's bytes once the task produced them.
        chunks.add(ResultChunk.newBuilder().setPartition(p)
            .setIpc(UnsafeByteOperations.unsafeWrap(ipc, offset, n))
            .setLastOfPartition(offset + n == ipc.length).build());
        offset += n;
      } while (offset < ipc.length);
    }
    return chunks;
  }

  static List<ResultChunk> of(IpcResult result) {
    return of(result, Rpc.CHUNK_BYTES);
  }
}
