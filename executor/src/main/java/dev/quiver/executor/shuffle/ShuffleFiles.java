package dev.quiver.executor.shuffle;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of one map task's shuffle output: a data file holding one Arrow IPC stream per reduce
 * partition, back to back, and an index file of {@code numPartitions + 1} big-endian longs giving each
 * stream's start offset (the last is the data file's length). Partition r is bytes
 * {@code [index[r], index[r+1])}; the same range serves a local read and a remote fetch.
 */
public final class ShuffleFiles {
  private ShuffleFiles() {}

  public static long[] readIndex(Path indexFile, int numPartitions) throws IOException {
    long[] offsets = new long[numPartitions + 1];
    try (InputStream in = Files.newInputStream(indexFile);
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
      for (int i = 0; i <= numPartitions; i++) {
        offsets[i] = data.readLong();
      }
    }
    return offsets;
  }
}
