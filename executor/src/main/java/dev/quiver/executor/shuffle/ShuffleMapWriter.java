package dev.quiver.executor.shuffle;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.formats.ipc.IpcCompression;
import dev.quiver.formats.ipc.IpcStreamWriter;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.sql.QuiverException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Splits a map task's rows by the exchange's partitioning and writes them in the layout of
 * {@link dev.quiver.formats.ipc.PartitionedIpcFile}: one Arrow IPC stream per reduce partition, back to back,
 * and an index of start offsets. Rows of a partition are gathered into batches of about the task's batch size,
 * which stay in memory while the task's output is small; once they and the small batches still waiting to be
 * merged pass the smaller of {@link #DEFAULT_HOLD_BYTES} and an eighth of the task's memory, the partition that
 * grows has its batches go to a temporary stream file of its own, and what it held is free for the others, so
 * memory stays bounded. {@link #finish()} writes every partition into the data file, writes the index, and
 * renames both into place so a reader never sees half a shuffle output.
 */
public final class ShuffleMapWriter implements AutoCloseable {
  private static final long FLUSH_BYTES = 1L << 20;
  /**
   * The most bytes of batches held in memory for the whole map output. Below it no partition needs a spill
   * file: creating, copying and deleting one per partition was 2-3% of TPC-H's task time (Q10 and Q12 about
   * 10% faster without them).
   */
  static final long DEFAULT_HOLD_BYTES = 64L << 20;

  private final Path dataFile;
  private final Path indexFile;
  private final Partitioning partitioning;
  private final int numPartitions;
  private final List<VectorEvaluator> keys;
  private final TaskContext ctx;
  private final PartitionBuffer[] buffers;
  private Schema schema;
  private int roundRobin;
  private int[] hashes = new int[0];
  private int[] kept = new int[0];
  private long rowsWritten;
  /** Bytes allocated to the partitions' batches held in memory, and how many may be. */
  private long heldBytes;
  private final long holdBytes;
  /** Where this task's join keys go when it succeeds, or null; with {@link #recorded}, its own bits. */
  private final KeyBloomFilter recordInto;
  private long[] recorded;
  private long rowsRecorded;
  /** The other side's keys: rows whose key it certainly lacks cannot join and are not written. Or null. */
  private final KeyBloomFilter keepOnly;

  /**
   * @param mapPartition the map task's partition: round-robin dealing starts at a position derived from it, so
   *     every attempt of the task (a retry, a recomputation of lost output) sends each row to the same reduce
   *     partition, given the same input order
   */
  public ShuffleMapWriter(Path dataFile, Path indexFile, Partitioning partitioning, List<AttributeReference> input,
      int mapPartition, TaskContext ctx) {
    this(dataFile, indexFile, partitioning, input, mapPartition, ctx, null, null);
  }

  /**
   * @param recordInto where to record the keys of the rows written (one side of a shuffled join), or null
   * @param keepOnly the keys of the join's other side, which a row's key must be among to be written, or null;
   *     both need hash partitioning on the join keys
   */
  public ShuffleMapWriter(Path dataFile, Path indexFile, Partitioning partitioning, List<AttributeReference> input,
      int mapPartition, TaskContext ctx, KeyBloomFilter recordInto, KeyBloomFilter keepOnly) {
    this(dataFile, indexFile, partitioning, input, mapPartition, ctx, recordInto, keepOnly,
        Math.min(DEFAULT_HOLD_BYTES, ctx.allocator().getLimit() / 8));
  }

  /** @param holdBytes the most bytes of batches held in memory before partitions spill to files */
  ShuffleMapWriter(Path dataFile, Path indexFile, Partitioning partitioning, List<AttributeReference> input,
      int mapPartition, TaskContext ctx, KeyBloomFilter recordInto, KeyBloomFilter keepOnly, long holdBytes) {
    this.holdBytes = holdBytes;
    boolean hashed = partitioning instanceof Partitioning.Hash;
    this.recordInto = hashed ? recordInto : null;
    this.keepOnly = hashed && keepOnly != null && keepOnly.isUseful() ? keepOnly : null;
    this.dataFile = dataFile;
    this.indexFile = indexFile;
    this.partitioning = partitioning;
    this.numPartitions = partitioning.numPartitions();
    this.ctx = ctx;
    this.keys = partitioning instanceof Partitioning.Hash h ? Operators.compile(h.expressions(), input) : List.of();
    this.buffers = new PartitionBuffer[numPartitions];
    this.roundRobin = Math.floorMod(KeyHasher.fmix(mapPartition + 0x9e3779b9), Math.max(1, numPartitions));
  }

  public void write(Batch batch) {
    try (batch) {
      int n = batch.rowCount();
      if (n == 0) {
        return;
      }
      if (schema == null) {
        schema = batch.asRootSchema();
      }
      boolean hashed = numPartitions > 1 || recordInto != null || keepOnly != null;
      if (hashed) {
        hash(batch);
      }
      if (recordInto != null) {
        record(n);
      }
      int m = keepOnly == null ? n : keep(n);
      if (m == 0) {
        return;
      }
      rowsWritten += m;
      int[] selected = m == n ? null : kept;
      if (numPartitions == 1) {
        buffer(0).add(selected == null ? Gather.slice(batch, 0, n, ctx.allocator())
            : Gather.gather(batch, selected, m, ctx.allocator()));
        return;
      }
      int[] target = partitionIds(m);
      int[] counts = new int[numPartitions];
      for (int i = 0; i < m; i++) {
        counts[target[i]]++;
      }
      int[][] rows = new int[numPartitions][];
      for (int p = 0; p < numPartitions; p++) {
        rows[p] = counts[p] == 0 ? null : new int[counts[p]];
        counts[p] = 0;
      }
      for (int i = 0; i < m; i++) {
        int p = target[i];
        rows[p][counts[p]++] = selected == null ? i : selected[i];
      }
      for (int p = 0; p < numPartitions; p++) {
        if (rows[p] != null) {
          buffer(p).add(Gather.gather(batch, rows[p], rows[p].length, ctx.allocator()));
        }
      }
    }
  }

  private void record(int n) {
    if (recorded == null) {
      recorded = KeyBloomFilter.newWords();
    }
    for (int i = 0; i < n; i++) {
      KeyBloomFilter.add(recorded, hashes[i]);
    }
    rowsRecorded += n;
  }

  /** Keeps the rows whose key the other side may have: their indices in {@link #kept}, hashes moved along. */
  private int keep(int n) {
    if (kept.length < n) {
      kept = new int[Math.max(n, kept.length * 2)];
    }
    // Written whether kept or not, and counted only if kept: no branch to mispredict (m <= i, so hashes[i] is
    // read before any write reaches it).
    int m = 0;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      kept[m] = i;
      hashes[m] = h;
      m += keepOnly.probe(h);
    }
    return m;
  }

  /** Fills {@link #hashes} with the key hash of each of the batch's rows (hash partitioning). */
  private void hash(Batch batch) {
    int n = batch.rowCount();
    if (hashes.length < n) {
      hashes = new int[Math.max(n, hashes.length * 2)];
    }
    if (!(partitioning instanceof Partitioning.Hash)) {
      return;
    }
    List<FieldVector> keyVectors = new ArrayList<>(keys.size());
    try {
      for (VectorEvaluator k : keys) {
        keyVectors.add(k.evaluate(batch, ctx.evalContext()));
      }
      KeyHasher.hash(keyVectors, n, hashes);
    } finally {
      keyVectors.forEach(FieldVector::close);
    }
  }

  /** The reduce partition of each of the first {@code m} rows, from their hashes or dealt round-robin. */
  private int[] partitionIds(int m) {
    if (partitioning instanceof Partitioning.Hash) {
      for (int i = 0; i < m; i++) {
        hashes[i] = KeyHasher.partition(hashes[i], numPartitions);
      }
    } else {
      for (int i = 0; i < m; i++) {
        hashes[i] = roundRobin;
        roundRobin = roundRobin + 1 == numPartitions ? 0 : roundRobin + 1;
      }
    }
    return hashes;
  }

  private PartitionBuffer buffer(int p) {
    if (buffers[p] == null) {
      buffers[p] = new PartitionBuffer(p);
    }
    return buffers[p];
  }

  /** Writes the data and index files and reports partition sizes. */
  public TaskOutcome.MapOutput finish(TaskOutcome.TaskMetrics metrics) {
    TaskOutcome.MapOutput out = writeFiles(metrics);
    if (recorded != null) {
      recordInto.merge(recorded, rowsRecorded);
    }
    return out;
  }

  private TaskOutcome.MapOutput writeFiles(TaskOutcome.TaskMetrics metrics) {
    long[] bytes = new long[numPartitions];
    long[] rows = new long[numPartitions];
    Path tmpData = dataFile.resolveSibling(dataFile.getFileName() + ".inprogress");
    Path tmpIndex = indexFile.resolveSibling(indexFile.getFileName() + ".inprogress");
    try {
      ensureDirectory(dataFile.getParent());
      long[] offsets = new long[numPartitions + 1];
      try (FileChannel out = FileChannel.open(tmpData, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        for (int p = 0; p < numPartitions; p++) {
          offsets[p] = out.position();
          PartitionBuffer b = buffers[p];
          if (b == null) {
            writeEmptyStream(out);
          } else {
            b.finishInto(out);
            rows[p] = b.rows;
          }
          bytes[p] = out.position() - offsets[p];
        }
        offsets[numPartitions] = out.position();
      }
      try (OutputStream os = Files.newOutputStream(tmpIndex);
          DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os))) {
        for (long o : offsets) {
          data.writeLong(o);
        }
      }
      Files.move(tmpIndex, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmpData, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuiverException("Could not write the shuffle output of " + ctx.taskName() + " to " + dataFile
          + ": " + e.getMessage() + ". Check free disk space in quiver.local.dir.", e);
    }
    return new TaskOutcome.MapOutput(dataFile.toString(), indexFile.toString(), bytes, rows,
        new TaskOutcome.TaskMetrics(metrics.rowsRead(), metrics.bytesRead(), rowsWritten, offsetsTotal(bytes),
            metrics.runMillis()));
  }

  /**
   * Creates the stage's directory unless it exists: the stage's first task creates it, and for the others one
   * check is cheaper than {@code createDirectories}, which tries mkdir first and catches its failure.
   */
  private static void ensureDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
  }

  /**
   * The memory a batch keeps allocated: the size of the allocation under each of its buffers, which exceeds the
   * bytes in use when a vector was allocated for more rows than it got, and covers all of a buffer a slice
   * shares. Each allocation counts once: a fixed-width vector's validity and data buffers are slices of one.
   */
  private static long allocatedBytes(Batch b) {
    long total = 0;
    java.util.Set<org.apache.arrow.memory.ReferenceManager> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int c = 0; c < b.numColumns(); c++) {
      for (org.apache.arrow.memory.ArrowBuf buf : b.column(c).getBuffers(false)) {
        if (seen.add(buf.getReferenceManager())) {
          total += buf.getReferenceManager().getSize();
        }
      }
    }
    return total;
  }

  private static long offsetsTotal(long[] bytes) {
    long t = 0;
    for (long b : bytes) {
      t += b;
    }
    return t;
  }

  private void writeEmptyStream(FileChannel out) throws IOException {
    Schema s = schema != null ? schema : new Schema(List.of());
    OutputStream os = Channels.newOutputStream(out);
    try (IpcStreamWriter w = new IpcStreamWriter(s, new NonClosing(os), IpcCompression.NONE)) {
      w.finish();
    }
  }

  @Override
  public void close() {
    for (PartitionBuffer b : buffers) {
      if (b != null) {
        b.discard();
      }
    }
  }

  /**
   * Rows of one reduce partition: small pending batches, merged into one of about the batch size as they grow,
   * which is held in memory, or written to the partition's temporary stream file once the map output holds too
   * much.
   */
  private final class PartitionBuffer {
    private final int partition;
    private final List<Batch> pending = new ArrayList<>();
    /** Merged batches held in memory, in order; none once the partition has a spill file. */
    private final List<Batch> held = new ArrayList<>();
    /** This partition's share of {@link #heldBytes}: its held batches' allocations, then its pending ones'. */
    private long heldAllocated;
    private int pendingRows;
    private long pendingBytes;
    private long pendingAllocated;
    private long rows;
    private Path spill;
    private OutputStream spillOut;
    private IpcStreamWriter writer;

    PartitionBuffer(int partition) {
      this.partition = partition;
    }

    void add(Batch b) {
      pending.add(b);
      pendingRows += b.rowCount();
      pendingBytes += b.sizeInBytes();
      long allocated = allocatedBytes(b);
      pendingAllocated += allocated;
      heldBytes += allocated;
      rows += b.rowCount();
      // Pending batches count against the hold limit too: with many reduce partitions, each one's pending
      // batches stay far below a batch, but together they can outgrow it.
      if (pendingRows >= ctx.batchSize() || pendingBytes >= FLUSH_BYTES || heldBytes > holdBytes) {
        flush();
      }
    }

    private void flush() {
      if (pending.isEmpty()) {
        return;
      }
      if (writer == null) {
        Batch merged = merge();
        long size = allocatedBytes(merged);
        held.add(merged);
        heldAllocated += size;
        heldBytes += size;
        if (heldBytes <= holdBytes) {
          return;
        }
      }
      try {
        if (writer == null) {
          spill = dataFile.resolveSibling(dataFile.getFileName() + ".part-" + partition);
          ensureDirectory(spill.getParent());
          spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
          writer = new IpcStreamWriter(schema, spillOut, IpcCompression.NONE);
        }
        writeAll(writer);
      } catch (IOException e) {
        throw new QuiverException("Could not write shuffle data of " + ctx.taskName() + " under "
            + dataFile.getParent() + ": " + e.getMessage(), e);
      } finally {
        clearPending();
      }
    }

    /** The pending batches as one batch, theirs to close; none are pending after. */
    private Batch merge() {
      try {
        return pending.size() == 1 ? pending.remove(0) : Gather.concat(pending, ctx.allocator());
      } finally {
        clearPending();
      }
    }

    /** Writes the pending batches to {@code w} as one batch. */
    private void writePending(IpcStreamWriter w) {
      try (Batch merged = merge(); VectorSchemaRoot root = merged.asRoot()) {
        w.write(root);
      }
    }

    /** Writes the held batches, then the pending ones as one, to {@code w}, and lets go of them. */
    private void writeAll(IpcStreamWriter w) {
      writeHeld(w);
      if (!pending.isEmpty()) {
        writePending(w);
      }
    }

    /** Writes the held batches to {@code w}, in order, and lets go of them. */
    private void writeHeld(IpcStreamWriter w) {
      try {
        for (Batch b : held) {
          try (VectorSchemaRoot root = b.asRoot()) {
            w.write(root);
          }
        }
      } finally {
        releaseHeld();
      }
    }

    private void releaseHeld() {
      // Counted by what was added, not by the batches' sizes now: writing a batch closes its vectors.
      heldBytes -= heldAllocated;
      heldAllocated = 0;
      held.forEach(Batch::close);
      held.clear();
    }

    private void clearPending() {
      pending.forEach(Batch::close);
      pending.clear();
      pendingRows = 0;
      pendingBytes = 0;
      heldBytes -= pendingAllocated;
      pendingAllocated = 0;
    }

    void finishInto(FileChannel out) throws IOException {
      if (writer == null) {
        // Never spilled: its batches go straight into the data file, sparing the creation, copy and deletion
        // of a spill file per partition.
        writeDirect(out);
        return;
      }
      flush();
      writer.finish();
      spillOut.close();
      try (FileChannel in = FileChannel.open(spill, StandardOpenOption.READ)) {
        long size = in.size();
        long pos = 0;
        while (pos < size) {
          pos += in.transferTo(pos, size - pos, out);
        }
      }
      Files.deleteIfExists(spill);
      writer = null;
    }

    private void writeDirect(FileChannel out) {
      OutputStream buffered = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(out)), 1 << 16);
      try (IpcStreamWriter w = new IpcStreamWriter(schema, buffered, IpcCompression.NONE)) {
        writeAll(w);
        w.finish();
      } finally {
        clearPending();
        releaseHeld();
      }
    }

    void discard() {
      clearPending();
      releaseHeld();
      try {
        if (spillOut != null) {
          spillOut.close();
        }
        if (spill != null) {
          Files.deleteIfExists(spill);
        }
      } catch (IOException e) {
        // Best effort: the job's shuffle directory is removed when the job ends.
        org.slf4j.LoggerFactory.getLogger(ShuffleMapWriter.class).debug("Could not delete {}", spill, e);
      }
    }
  }

  /** Lets an IPC writer flush into a shared channel without closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
