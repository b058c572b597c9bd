package dev.quiver.formats.parquet;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one split of a Parquet file as Arrow batches. The split owns the row groups whose midpoint lies in
 * its byte range (parquet-mr's and Spark's rule, so the splits of a file read each row group once); row
 * groups whose statistics rule out the filters are skipped without being read. Each batch comes from one row
 * group and holds at most {@code batchSize} rows, decoded column by column straight into new vectors.
 */
public final class ParquetBatchReader implements BatchReader {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetBatchReader.class);
  /** Bytes per value to reserve for a string column before its first batch has shown its real size. */
  private static final int INITIAL_BYTES_PER_VALUE = 16;

  private final String path;
  private final ParquetFileReader reader;
  private final List<BlockMetaData> blocks;
  private final ReadPlan plan;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final int[] selected;
  private final int skipped;
  /** Per requested column: bytes per value seen in the last batch, to size variable-width buffers. */
  private final int[] bytesPerValue;
  /**
   * A batch is returned with only its passing rows when fewer than this share of its rows pass, or at least
   * {@link #COMPACT_FROM}; otherwise whole, for the plan's filter (see {@link #readFiltered}). In between, the
   * kept rows form short runs, and skipping the others run by run costs more than the plan filter's copy.
   */
  private static final double COMPACT_BELOW = 0.5;
  /**
   * When at least this share of a batch's rows pass (Q1's ship date, 98%), the few dropped rows leave long runs
   * that are cheap to skip while converting, and the plan's filter then passes the batch on without copying
   * it: Q1 164 -> 153 ms.
   */
  private static final double COMPACT_FROM = 0.9;
  /**
   * After a judged batch where every row passes, this many more batches of the row group are read without
   * judging (the filter only adds the cost of its ids there), whatever the batch size. The batch after them is
   * judged again, in case the data is ordered by the filter column.
   */
  private static final int UNJUDGED_AFTER_ALL_PASS = 15;
  /**
   * {@code -Dquiver.parquet.filterRows=false} turns the reader's own filtering off (row groups are still
   * skipped by statistics), to measure what it gains.
   */
  private static final boolean FILTER_ROWS = !"false".equals(System.getProperty("quiver.parquet.filterRows"));

  /** The pushed filters this reader evaluates itself, to convert the columns only for passing rows. */
  private final RowFilter rowFilter;
  /** Join keys the rows are judged by after the pushed filters, or null. */
  private final KeyColumnFilters keyFilters;
  /** Batches of this row group still to read without judging them (see {@link #UNJUDGED_AFTER_ALL_PASS}). */
  private int unjudgedBatches;
  /** Per requested column: its coded batch if the filter reads it, else null. */
  private final CodedColumn[] coded;
  private long[] keep = new long[0];
  /**
   * Per requested column: a vector a fixed-width column's scattered kept rows are decoded through (see
   * {@link ColumnChunkReader#readFlatSelected}); made on first use, closed with the reader.
   */
  private final FieldVector[] scratch;

  private int nextSelected;
  private int groupsRead;
  private long rowsLeftInGroup;
  private PageReadStore group;
  private boolean closed;

  ParquetBatchReader(FileSplit split, StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      ParquetOptions options, BufferAllocator allocator, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    this.path = split.path();
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.arrowSchema = ArrowTypes.toArrowSchema(requiredSchema);
    this.bytesPerValue = new int[requiredSchema.length()];
    java.util.Arrays.fill(bytesPerValue, INITIAL_BYTES_PER_VALUE);
    this.reader = ParquetFiles.open(path, split.fileLength());
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      this.blocks = reader.getRowGroups();
      this.plan = ReadPlan.build(fileSchema, requiredSchema, path);
      boolean[] flat = FILTER_ROWS ? flatColumns(plan) : null;
      this.rowFilter = flat == null ? null : RowFilter.of(filters, arrowSchema.getFields(), flat).orElse(null);
      this.keyFilters = flat == null ? null : keyFilters(arrowSchema, filters, flat, rowFilter);
      this.coded = new CodedColumn[plan.columns.size()];
      this.scratch = new FieldVector[plan.columns.size()];
      if (rowFilter != null) {
        for (int c : rowFilter.columns()) {
          coded[c] = new CodedColumn();
        }
      }
      if (!plan.leaves.isEmpty()) {
        reader.setRequestedSchema(plan.descriptors());
      }
      StatisticsEvaluator stats = new StatisticsEvaluator(fileSchema, dataSchema, options.binaryAsString(), path);
      List<Integer> chosen = new ArrayList<>();
      int skip = 0;
      long end = split.start() + split.length();
      for (int i = 0; i < blocks.size(); i++) {
        BlockMetaData b = blocks.get(i);
        long mid = b.getStartingPos() + b.getCompressedSize() / 2;
        if (mid < split.start() || mid >= end || b.getRowCount() == 0) {
          continue;
        }
        if (!stats.mightMatch(filters == null ? List.of() : filters, b)) {
          skip++;
          continue;
        }
        chosen.add(i);
      }
      this.selected = chosen.stream().mapToInt(Integer::intValue).toArray();
      this.skipped = skip;
      LOG.debug("{} [{}, +{}): reading {} row groups, {} skipped by statistics", path, split.start(),
          split.length(), selected.length, skipped);
    } catch (RuntimeException e) {
      closeQuietlyAfter(e);
      throw e instanceof QuiverException q ? q : failed(e);
    }
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      return null;
    }
    try {
      while (true) {
        while (rowsLeftInGroup == 0) {
          if (!nextGroup()) {
            return null;
          }
        }
        int rows = (int) Math.min(batchSize, rowsLeftInGroup);
        rowsLeftInGroup -= rows;
        boolean judge = rowFilter != null && unjudgedBatches-- <= 0;
        boolean byKeys = keyFilters != null && keyFilters.active();
        VectorSchemaRoot root = judge || byKeys ? readFiltered(rows, judge, byKeys) : readAll(rows);
        if (root != null) {
          return root;
        }
      }
    } catch (QuiverException | OutOfMemoryException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  private VectorSchemaRoot readAll(int rows) throws IOException {
    VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (int c = 0; c < plan.columns.size(); c++) {
        readColumn(c, root.getVector(c), rows);
      }
      root.setRowCount(rows);
      return root;
    } catch (IOException | RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /**
   * Codes the filter's columns (dictionary ids; values only for plain-encoded pages) and judges the rows;
   * then converts every column for the rows that pass, or for all rows when between {@link #COMPACT_BELOW}
   * and {@link #COMPACT_FROM} of them pass (skipping rows in the other columns then costs more than the plan's
   * filter saves). With {@code byKeys}, the join key columns are read next for the rows that passed and judged by
   * {@link #keyFilters}; the batch then holds only the rows that pass both. Returns null when no row of the
   * batch passes.
   */
  private VectorSchemaRoot readFiltered(int rows, boolean judge, boolean byKeys) throws IOException {
    FieldVector[] keyColumns = new FieldVector[coded.length];
    try {
      int words = (rows + 63) >>> 6;
      if (keep.length < words) {
        keep = new long[words];
      }
      int passing;
      if (judge) {
        for (int c = 0; c < coded.length; c++) {
          if (coded[c] != null) {
            int column = c;
            coded[c].reset(rows);
            flatReader(c).readCodes(rows, coded[c], () -> newVector(column, rows));
          }
        }
        passing = rowFilter.evaluate(coded, rows, keep);
      } else {
        java.util.Arrays.fill(keep, 0, words, -1L);
        if ((rows & 63) != 0) {
          keep[words - 1] = (1L << rows) - 1;
        }
        passing = rows;
      }
      boolean compact = passing < rows * COMPACT_BELOW || passing >= rows * COMPACT_FROM && passing < rows;
      if (judge && passing == rows) {
        unjudgedBatches = UNJUDGED_AFTER_ALL_PASS;
      }
      if (byKeys && passing > 0) {
        for (int c : keyFilters.columns()) {
          keyColumns[c] = arrowSchema.getFields().get(c).createVector(allocator);
          readColumnSelected(c, keyColumns[c], rows, passing);
        }
        long[] before = java.util.Arrays.copyOf(keep, words);
        int judged = passing;
        passing = keyFilters.apply(keyColumns, keep, rows);
        if (passing > 0 && passing < judged) {
          for (FieldVector v : keyColumns) {
            if (v != null) {
              KeyColumnFilters.compact(v, before, keep, rows, passing);
            }
          }
        }
        // The key columns hold only the rows that passed: the others must be read the same way, unless
        // every row passed.
        compact = passing < rows;
      }
      if (passing == 0) {
        for (int c = 0; c < coded.length; c++) {
          boolean consumed = judge && coded[c] != null || keyColumns[c] != null;
          if (!consumed && plan.columns.get(c) instanceof ReadPlan.Flat) {
            flatReader(c).skipFlat(rows);
          }
        }
        return null;
      }
      if (!compact) {
        java.util.Arrays.fill(keep, 0, words, -1L);
        passing = rows;
      }
      VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
      try {
        for (int c = 0; c < coded.length; c++) {
          FieldVector v = root.getVector(c);
          if (keyColumns[c] != null) {
            keyColumns[c].makeTransferPair(v).transfer();
          } else if (judge && coded[c] != null) {
            allocate(v, Math.max(passing, 1), c);
            flatReader(c).readCodedSelected(coded[c], keep, rows, v);
            v.setValueCount(passing);
            noteBytesPerValue(c, v, passing);
          } else if (compact) {
            readColumnSelected(c, v, rows, passing);
          } else {
            readColumn(c, v, rows);
          }
        }
        root.setRowCount(passing);
        return root;
      } catch (IOException | RuntimeException e) {
        root.close();
        throw e;
      }
    } finally {
      for (CodedColumn column : coded) {
        if (column != null) {
          column.close();
        }
      }
      for (FieldVector v : keyColumns) {
        if (v != null) {
          v.close();
        }
      }
    }
  }

  /** Reads the next {@code rows} rows of a column not read by the filter, keeping the {@code passing} that pass. */
  private void readColumnSelected(int c, FieldVector vector, int rows, int passing) throws IOException {
    ReadPlan.Column column = plan.columns.get(c);
    allocate(vector, Math.max(passing, 1), c);
    if (column instanceof ReadPlan.Flat flat) {
      flat.leaf().reader.readFlatSelected(vector, rows, keep, scratch(c, vector, rows));
    }
    vector.setValueCount(passing);
    noteBytesPerValue(c, vector, passing);
  }

  /**
   * Column {@code c}'s scratch vector when {@code vector} is fixed-width (not bits), else null. It starts with
   * room for this batch's {@code rows}, not a whole batch (a small row group needs little), and grows as later
   * page runs need.
   */
  private FieldVector scratch(int c, FieldVector vector, int rows) {
    if (!(vector instanceof BaseFixedWidthVector) || vector instanceof BitVector) {
      return null;
    }
    if (scratch[c] == null) {
      scratch[c] = newVector(c, Math.min(batchSize, rows));
    }
    return scratch[c];
  }

  private ColumnChunkReader flatReader(int c) {
    return ((ReadPlan.Flat) plan.columns.get(c)).leaf().reader;
  }

  /** A new vector of requested column {@code c} with room for {@code rows} rows. */
  private FieldVector newVector(int c, int rows) {
    FieldVector v = arrowSchema.getFields().get(c).createVector(allocator);
    try {
      allocate(v, rows, c);
      return v;
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  /** Remembers a string column's bytes per value in this batch, to size the next batch's buffers. */
  private void noteBytesPerValue(int c, FieldVector vector, int rows) {
    if (vector instanceof BaseVariableWidthVector v && rows > 0) {
      long bytes = v.getOffsetBuffer().getInt((long) rows * BaseVariableWidthVector.OFFSET_WIDTH);
      bytesPerValue[c] = (int) Math.max(1, Math.min(1 << 20, bytes * 9 / 8 / rows + 1));
    }
  }

  /**
   * Per requested column, whether it is read as a flat leaf; null when some requested column is nested (a
   * nested column cannot skip rows, so the reader then filters nothing itself).
   */
  private static boolean[] flatColumns(ReadPlan plan) {
    boolean[] flat = new boolean[plan.columns.size()];
    for (int c = 0; c < flat.length; c++) {
      ReadPlan.Column column = plan.columns.get(c);
      if (column instanceof ReadPlan.Nested) {
        return null;
      }
      flat[c] = column instanceof ReadPlan.Flat;
    }
    return flat;
  }

  /** The join key filters this reader judges itself, on flat columns the row filter does not read, or null. */
  private static KeyColumnFilters keyFilters(Schema schema, List<SourceFilter> filters, boolean[] flat,
      RowFilter rowFilter) {
    java.util.Set<Integer> filterColumns = new java.util.HashSet<>();
    if (rowFilter != null) {
      for (int c : rowFilter.columns()) {
        filterColumns.add(c);
      }
    }
    return KeyColumnFilters.of(filters, schema.getFields(), flat, filterColumns);
  }

  private void readColumn(int c, FieldVector vector, int rows) throws IOException {
    ReadPlan.Column column = plan.columns.get(c);
    if (column instanceof ReadPlan.Flat flat) {
      allocate(vector, rows, c);
      flat.leaf().reader.readFlat(vector, rows);
      vector.setValueCount(rows);
      noteBytesPerValue(c, vector, rows);
    } else if (column instanceof ReadPlan.Nested nested) {
      vector.allocateNew();
      NestedAssembler.read(nested, vector, rows);
    } else {
      allocate(vector, rows, c);
      vector.setValueCount(rows);
    }
  }

  private void allocate(FieldVector vector, int rows, int c) {
    if (vector instanceof BaseFixedWidthVector v) {
      v.allocateNew(rows);
    } else if (vector instanceof BaseVariableWidthVector v) {
      v.allocateNew((long) rows * bytesPerValue[c], rows);
    } else {
      vector.setInitialCapacity(rows);
      vector.allocateNew();
    }
  }

  private boolean nextGroup() throws IOException {
    closeGroup();
    if (nextSelected >= selected.length) {
      return false;
    }
    int index = selected[nextSelected++];
    BlockMetaData block = blocks.get(index);
    if (!plan.leaves.isEmpty()) {
      group = reader.readRowGroup(index);
      for (ReadNode.Leaf leaf : plan.leaves) {
        leaf.reader = new ColumnChunkReader(leaf.column, group.getPageReader(leaf.column), leaf.converter);
      }
      for (int c = 0; c < coded.length; c++) {
        if (coded[c] != null) {
          coded[c].verdicts(dictionaryVerdicts(c));
        }
      }
    }
    groupsRead++;
    unjudgedBatches = 0;
    rowsLeftInGroup = block.getRowCount();
    return true;
  }

  /** The filter's verdicts on the dictionary of column {@code c}'s chunk in this row group, or null. */
  private long[][] dictionaryVerdicts(int c) {
    try (FieldVector dictionary = flatReader(c).dictionaryVector(arrowSchema.getFields().get(c), allocator)) {
      return dictionary == null ? null : rowFilter.dictionaryVerdicts(c, dictionary);
    }
  }

  private void closeGroup() {
    for (ReadNode.Leaf leaf : plan.leaves) {
      leaf.reader = null;
      leaf.vector = null;
    }
    if (group != null) {
      PageReadStore g = group;
      group = null;
      g.close();
    }
  }

  /** Row groups this reader has started reading so far. */
  public int rowGroupsRead() {
    return groupsRead;
  }

  /** Row groups of this split that the filters ruled out by their statistics. */
  public int rowGroupsSkipped() {
    return skipped;
  }

  /** Row groups of this split that will be read, in total. */
  public int rowGroupsSelected() {
    return selected.length;
  }

  private QuiverException failed(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new QuiverException("FAILED_READ_FILE.NO_HINT", "Encountered error while reading file " + path + ": "
        + detail + ". The file may be corrupt; replace or remove it.", "KD001", e);
  }

  private void closeQuietlyAfter(Exception primary) {
    try {
      reader.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (plan != null) {
        closeGroup();
      }
    } finally {
      for (FieldVector v : scratch) {
        if (v != null) {
          v.close();
        }
      }
      try {
        reader.close();
      } catch (IOException e) {
        throw new QuiverException("Cannot close Parquet file " + path + ": " + e.getMessage(), e);
      }
    }
  }
}
