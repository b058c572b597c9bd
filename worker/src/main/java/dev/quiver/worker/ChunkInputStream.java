package dev.quiver.worker;

import dev.quiver.executor.task.ShuffleFetchException;
import dev.quiver.proto.cluster.DataChunk;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Function;

/**
 * The bytes of a server-streamed sequence of chunks, read as one stream. A failed call (the other side died)
 * surfaces as the IOException {@code onFailure} makes of it, so readers see an I/O error, not a gRPC one.
 */
final class ChunkInputStream extends InputStream {
  private final Iterator<DataChunk> chunks;
  private final Function<StatusRuntimeException, IOException> onFailure;
  private final Runnable onClose;
  private final FetchStats.Job stats;
  private byte[] current = new byte[0];
  private int pos;

  ChunkInputStream(Iterator<DataChunk> chunks, Function<StatusRuntimeException, IOException> onFailure,
      Runnable onClose, FetchStats.Job stats) {
    this.chunks = chunks;
    this.onFailure = onFailure;
    this.onClose = onClose;
    this.stats = stats;
    stats.streams.increment();
  }

  /** A fetch failure naming the map stage and the worker that no longer answers. */
  static Function<StatusRuntimeException, IOException> fetchFailure(int mapStageId, String workerId,
      String address) {
    return e -> new ShuffleFetchException(mapStageId, workerId, "Could not fetch shuffle data of stage " + mapStageId
        + " from worker " + workerId + " at " + address + ": " + e.getStatus().getCode() + " "
        + e.getStatus().getDescription(), e);
  }

  private boolean fill() throws IOException {
    while (pos >= current.length) {
      long start = System.nanoTime();
      try {
        if (!chunks.hasNext()) {
          return false;
        }
        current = chunks.next().getData().toByteArray();
      } catch (StatusRuntimeException e) {
        throw onFailure.apply(e);
      } finally {
        stats.nanos.add(System.nanoTime() - start);
      }
      stats.bytes.add(current.length);
      pos = 0;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? current[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    onClose.run();
  }
}
