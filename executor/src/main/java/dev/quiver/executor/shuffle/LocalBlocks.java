package dev.quiver.executor.shuffle;

import dev.quiver.formats.ipc.PartitionedIpcFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A reduce partition's byte range in a local shuffle data file. */
public final class LocalBlocks {
  private LocalBlocks() {}

  public static ShuffleBlockReader.BlockSource range(Path dataFile, Path indexFile, int numPartitions, int partition) {
    return () -> {
      long[] offsets = PartitionedIpcFile.readIndex(indexFile);
      if (offsets.length != numPartitions + 1) {
        throw new IOException("Shuffle index " + indexFile + " has " + (offsets.length - 1) + " partitions, expected "
            + numPartitions);
      }
      FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.READ);
      ch.position(offsets[partition]);
      InputStream raw = Channels.newInputStream(ch);
      return new java.io.BufferedInputStream(new BoundedInputStream(raw, offsets[partition + 1] - offsets[partition]),
          1 << 16);
    };
  }

  /** Reads at most {@code limit} bytes, then reports end of stream. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(Math.min(n, remaining));
      remaining -= s;
      return s;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }
  }
}
