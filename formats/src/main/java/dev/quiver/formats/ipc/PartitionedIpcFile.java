package dev.quiver.formats.ipc;

import dev.quiver.sql.QuiverException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The output of one shuffle map task on local disk: a data file holding, for each reduce partition
 * {@code r} in {@code 0..R-1}, one complete Arrow IPC stream (schema, batches, end marker; a partition without
 * rows is a stream without batches), written one after the other; and an index file of {@code R + 1}
 * big-endian longs, the byte offsets where each partition's stream starts plus the data file's length.
 *
 * <p>Both files are written under temporary names and renamed into place by {@link Writer#commit()}, the
 * data file first and the index last, so a reader that finds the index finds a complete data file. If the
 * files are already there (another attempt of the same map task committed first), the existing files are
 * kept and the new ones discarded, as Spark's shuffle does, so readers of the existing files are never
 * disturbed.
 *
 * <p>A partition is read locally with {@link Reader#openPartition}, or sent unchanged to a remote reducer
 * with {@link Reader#range} / {@link Reader#copyPartition}; the reducer parses the bytes with
 * {@link ArrowIpc#readStream}.
 */
public final class PartitionedIpcFile {
  // Commits of the same map output in one process are serialized; striped so the locks never pile up.
  private static final Object[] COMMIT_LOCKS = new Object[64];

  static {
    for (int i = 0; i < COMMIT_LOCKS.length; i++) {
      COMMIT_LOCKS[i] = new Object();
    }
  }

  private PartitionedIpcFile() {}

  /** The bytes of one partition's stream inside a data file. */
  public record ByteRange(Path dataFile, long offset, long length) {}

  /** Starts writing a map output of {@code numPartitions} partitions. */
  public static Writer create(Path dataFile, Path indexFile, Schema schema, int numPartitions,
      IpcCompression compression) {
    return new Writer(dataFile, indexFile, schema, numPartitions, compression);
  }

  /** Opens a committed map output; reads and checks its index. */
  public static Reader open(Path dataFile, Path indexFile) {
    long[] offsets = readIndex(indexFile);
    long dataLength;
    try {
      dataLength = Files.size(dataFile);
    } catch (IOException e) {
      throw new QuiverException("Shuffle data file " + dataFile + " cannot be read: " + e.getMessage()
          + ". The map output was lost; the map task must run again.", e);
    }
    if (dataLength != offsets[offsets.length - 1]) {
      throw corrupt(indexFile, "it ends at byte " + offsets[offsets.length - 1] + " but " + dataFile + " has "
          + dataLength + " bytes");
    }
    return new Reader(dataFile, offsets);
  }

  /** The {@code R + 1} offsets of an index file, checked: starting at 0, never decreasing. */
  public static long[] readIndex(Path indexFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(indexFile);
    } catch (NoSuchFileException e) {
      throw new QuiverException("Shuffle index file " + indexFile + " does not exist. The map output was lost or "
          + "never committed; the map task must run again.", e);
    } catch (IOException e) {
      throw new QuiverException("Shuffle index file " + indexFile + " cannot be read: " + e.getMessage(), e);
    }
    if (bytes.length < 16 || bytes.length % 8 != 0) {
      throw corrupt(indexFile, "its length " + bytes.length + " is not a whole number (at least 2) of longs");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    long[] offsets = new long[bytes.length / 8];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = buf.getLong();
      if (i == 0 ? offsets[0] != 0 : offsets[i] < offsets[i - 1]) {
        throw corrupt(indexFile, "offset " + i + " is " + offsets[i]);
      }
    }
    return offsets;
  }

  private static QuiverException corrupt(Path indexFile, String why) {
    return new QuiverException("Shuffle index file " + indexFile + " is corrupt: " + why
        + ". Delete the map output so the map task runs again.");
  }

  /**
   * Writes the partitions in order: batches of partition {@code r} must come before those of any partition
   * after {@code r}; partitions never written are empty. Not thread-safe. {@link #close()} without
   * {@link #commit()} deletes the temporary files.
   */
  public static final class Writer implements AutoCloseable {
    private final Path dataFile;
    private final Path indexFile;
    private final Path tmpData;
    private final Path tmpIndex;
    private final Schema schema;
    private final byte[] schemaMessage;
    private final IpcCompression compression;
    private final long[] offsets;
    private final OutputStream out;
    private final WriteChannel channel;
    private IpcStreamWriter current;
    private int currentPartition = -1;
    private boolean closed;

    private Writer(Path dataFile, Path indexFile, Schema schema, int numPartitions, IpcCompression compression) {
      if (numPartitions < 1) {
        throw new IllegalArgumentException("A map output needs at least one partition, not " + numPartitions);
      }
      this.dataFile = dataFile.toAbsolutePath();
      this.indexFile = indexFile.toAbsolutePath();
      String suffix = ".tmp-" + UUID.randomUUID();
      this.tmpData = this.dataFile.resolveSibling(this.dataFile.getFileName() + suffix);
      this.tmpIndex = this.indexFile.resolveSibling(this.indexFile.getFileName() + suffix);
      this.schema = Objects.requireNonNull(schema, "schema");
      this.schemaMessage = IpcStreamWriter.serializeSchema(schema);
      this.compression = Objects.requireNonNull(compression, "compression");
      this.offsets = new long[numPartitions + 1];
      try {
        Files.createDirectories(this.dataFile.getParent());
        Files.createDirectories(this.indexFile.getParent());
        this.out = new BufferedOutputStream(Files.newOutputStream(tmpData, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE), 1 << 16);
      } catch (IOException e) {
        throw failure("create", tmpData, e);
      }
      this.channel = new WriteChannel(Channels.newChannel(out));
    }

    public int numPartitions() {
      return offsets.length - 1;
    }

    /** Appends a batch to partition {@code partition}; does not take ownership of it. */
    public void write(int partition, VectorSchemaRoot batch) {
      advanceTo(partition);
      current.write(batch);
    }

    /** Ends every partition before {@code partition} and starts it, if not yet started. */
    private void advanceTo(int partition) {
      if (closed) {
        throw new IllegalStateException("The map output " + dataFile + " is already committed or closed");
      }
      if (partition < 0 || partition >= numPartitions()) {
        throw new IllegalArgumentException("Partition " + partition + " is out of range 0.." + (numPartitions() - 1));
      }
      if (partition < currentPartition) {
        throw new IllegalStateException("Partitions must be written in order: partition " + partition
            + " comes after partition " + currentPartition + " was started");
      }
      while (currentPartition < partition) {
        if (current != null) {
          current.finish();
        }
        currentPartition++;
        offsets[currentPartition] = channel.getCurrentPosition();
        current = new IpcStreamWriter(schema, channel, out, compression, schemaMessage);
      }
    }

    /**
     * Ends the last partitions, writes the index and renames both files into place.
     *
     * @return the offsets in effect: this writer's, or those of an output committed earlier by another attempt
     */
    public long[] commit() {
      if (closed) {
        throw new IllegalStateException("The map output " + dataFile + " is already committed or closed");
      }
      advanceTo(numPartitions() - 1);
      current.finish();
      offsets[numPartitions()] = channel.getCurrentPosition();
      closed = true;
      try {
        out.close();
        try (DataOutputStream index = new DataOutputStream(new BufferedOutputStream(
            Files.newOutputStream(tmpIndex, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))) {
          for (long o : offsets) {
            index.writeLong(o);
          }
        }
      } catch (IOException e) {
        deleteTemporaryFiles();
        throw failure("write", tmpIndex, e);
      }
      synchronized (COMMIT_LOCKS[Math.floorMod(indexFile.hashCode(), COMMIT_LOCKS.length)]) {
        long[] existing = existingOutput();
        if (existing != null) {
          deleteTemporaryFiles();
          return existing;
        }
        try {
          move(tmpData, dataFile);
          move(tmpIndex, indexFile);
        } catch (IOException e) {
          deleteTemporaryFiles();
          throw failure("commit", dataFile, e);
        }
      }
      return offsets.clone();
    }

    /** The offsets of an already committed, consistent output at the target names, or null. */
    private long[] existingOutput() {
      if (!Files.exists(indexFile)) {
        return null;
      }
      try {
        return open(dataFile, indexFile).offsets();
      } catch (QuiverException e) {
        // A broken earlier output is replaced.
        return null;
      }
    }

    private static void move(Path from, Path to) throws IOException {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    private void deleteTemporaryFiles() {
      try {
        Files.deleteIfExists(tmpData);
        Files.deleteIfExists(tmpIndex);
      } catch (IOException e) {
        throw failure("delete", tmpData, e);
      }
    }

    private QuiverException failure(String step, Path path, IOException e) {
      return new QuiverException("Could not " + step + " the shuffle file " + path + ": " + e.getMessage()
          + ". Check the free space and permissions of the worker's local directories.", e);
    }

    /** Discards an uncommitted output; a no-op after {@link #commit()}. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      QuiverException failure = null;
      try {
        out.close();
      } catch (IOException e) {
        failure = failure("close", tmpData, e);
      }
      try {
        deleteTemporaryFiles();
      } catch (QuiverException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** A committed map output. Holds no open file: every partition read opens its own channel. Thread-safe. */
  public static final class Reader {
    private final Path dataFile;
    private final long[] offsets;

    private Reader(Path dataFile, long[] offsets) {
      this.dataFile = dataFile;
      this.offsets = offsets;
    }

    public int numPartitions() {
      return offsets.length - 1;
    }

    /** A copy of the index: {@code R + 1} offsets. */
    public long[] offsets() {
      return offsets.clone();
    }

    public long partitionLength(int partition) {
      check(partition);
      return offsets[partition + 1] - offsets[partition];
    }

    /** Where partition {@code partition}'s stream lies in the data file, for serving it as raw bytes. */
    public ByteRange range(int partition) {
      check(partition);
      return new ByteRange(dataFile, offsets[partition], offsets[partition + 1] - offsets[partition]);
    }

    /** Reads one partition's batches; the reader and every batch it returns belong to the caller. */
    public IpcStreamReader openPartition(int partition, BufferAllocator allocator) {
      ByteRange r = range(partition);
      FileChannel file = openData();
      try {
        return new IpcStreamReader(new RangeChannel(file, r.offset(), r.length()), allocator);
      } catch (RuntimeException e) {
        closeQuietly(file, e);
        throw e;
      }
    }

    /** Copies one partition's stream, unchanged, to {@code target}; returns the bytes copied. */
    public long copyPartition(int partition, WritableByteChannel target) {
      ByteRange r = range(partition);
      try (FileChannel file = openData()) {
        long done = 0;
        while (done < r.length()) {
          long n = file.transferTo(r.offset() + done, r.length() - done, target);
          if (n <= 0 && file.size() < r.offset() + r.length()) {
            throw new IOException("the data file is shorter than its index says");
          }
          done += n;
        }
        return done;
      } catch (IOException e) {
        throw new QuiverException("Could not send partition " + partition + " of the shuffle file " + dataFile
            + ": " + e.getMessage(), e);
      }
    }

    private FileChannel openData() {
      try {
        return FileChannel.open(dataFile, StandardOpenOption.READ);
      } catch (IOException e) {
        throw new QuiverException("Shuffle data file " + dataFile + " cannot be opened: " + e.getMessage()
            + ". The map output was lost; the map task must run again.", e);
      }
    }

    private void check(int partition) {
      if (partition < 0 || partition >= numPartitions()) {
        throw new IllegalArgumentException("Partition " + partition + " is out of range 0.." + (numPartitions() - 1)
            + " of " + dataFile);
      }
    }

    private static void closeQuietly(FileChannel file, RuntimeException primary) {
      try {
        file.close();
      } catch (IOException e) {
        primary.addSuppressed(e);
      }
    }
  }

  /** Reads {@code [offset, offset + length)} of a file with positional reads; closing closes the file. */
  private static final class RangeChannel implements ReadableByteChannel {
    private final FileChannel file;
    private final long end;
    private long position;

    RangeChannel(FileChannel file, long offset, long length) {
      this.file = file;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (position >= end) {
        return -1;
      }
      int want = (int) Math.min(dst.remaining(), end - position);
      if (want == 0) {
        return 0;
      }
      ByteBuffer view = dst.duplicate();
      view.limit(view.position() + want);
      int n = file.read(view, position);
      if (n < 0) {
        throw new IOException("unexpected end of the shuffle data file at byte " + position);
      }
      dst.position(dst.position() + n);
      position += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
