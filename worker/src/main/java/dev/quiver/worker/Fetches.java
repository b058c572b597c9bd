package dev.quiver.worker;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.shuffle.ShuffleBlockReader;
import dev.quiver.proto.cluster.DataChunk;
import dev.quiver.sql.QuiverException;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/** Server-streamed calls read as streams, and Arrow IPC streams decoded into owned batches. */
final class Fetches {
  private Fetches() {}

  /**
   * Starts a streaming call and returns its bytes as a stream; closing the stream cancels the call if it has
   * not ended.
   */
  static InputStream stream(Supplier<Iterator<DataChunk>> call, Function<StatusRuntimeException, IOException> onFailure,
      FetchStats.Job stats) {
    Context.CancellableContext ctx = Context.current().withCancellation();
    Context previous = ctx.attach();
    try {
      return new ChunkInputStream(call.get(), onFailure, () -> ctx.cancel(null), stats);
    } finally {
      ctx.detach(previous);
    }
  }

  /** Collects a streamed call's chunks by part: each part is one whole IPC stream. */
  static List<byte[]> parts(Iterator<DataChunk> chunks) {
    List<ByteArrayOutputStream> parts = new ArrayList<>();
    while (chunks.hasNext()) {
      DataChunk c = chunks.next();
      while (parts.size() <= c.getPart()) {
        parts.add(new ByteArrayOutputStream());
      }
      byte[] bytes = c.getData().toByteArray();
      parts.get(c.getPart()).write(bytes, 0, bytes.length);
    }
    List<byte[]> out = new ArrayList<>();
    for (ByteArrayOutputStream p : parts) {
      out.add(p.toByteArray());
    }
    return out;
  }

  /** Decodes IPC streams into batches owned by {@code allocator}. */
  static List<Batch> decode(List<byte[]> streams, BufferAllocator allocator, String what) {
    List<ShuffleBlockReader.BlockSource> sources = new ArrayList<>();
    for (byte[] s : streams) {
      if (s.length > 0) {
        sources.add(() -> new ByteArrayInputStream(s));
      }
    }
    List<Batch> out = new ArrayList<>();
    try (ShuffleBlockReader reader = new ShuffleBlockReader(sources, allocator, () -> what)) {
      Batch b;
      while ((b = reader.next()) != null) {
        out.add(b);
      }
    } catch (RuntimeException e) {
      out.forEach(Batch::close);
      throw e instanceof QuiverException ? e : new QuiverException("Could not decode " + what + ": " + e, e);
    }
    return out;
  }
}
