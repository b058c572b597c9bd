package dev.quiver.formats.csv;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileSplit;
import dev.quiver.sql.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one split of a CSV file into Arrow batches of the required columns. The split's records are those
 * that begin in its byte range (see {@link CsvInput}); the file's header, when there is one, is the first
 * record of the split that starts at byte 0. Each batch is a new root the caller owns.
 */
final class CsvBatchReader implements BatchReader {
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final int batchSize;
  /**
   * The rows a batch's vectors first have room for. A split starts at most one record per byte, so a small file
   * does not get a whole batch's room in every column; a compressed file's records can outnumber its bytes, and
   * then the vectors grow as the rows come.
   */
  private final int initialRows;
  private final CsvTokenizer tokenizer;
  private final CsvRecordConverter converter;
  private boolean done;

  CsvBatchReader(FileSplit split, StructType dataSchema, StructType requiredSchema, CsvOptions options,
      BufferAllocator allocator, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, but was " + batchSize);
    }
    this.arrowSchema = ArrowTypes.toArrowSchema(requiredSchema);
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.initialRows = (int) Math.min(batchSize, split.length() + 1);
    // Build everything that can reject the schema or options before the file is opened.
    this.converter = new CsvRecordConverter(dataSchema, requiredSchema, options, new CsvDateTimes(options),
        split.path(), split.start());
    CsvInput.Opened input = CsvInput.open(split, options);
    this.tokenizer = new CsvTokenizer(input.reader(), options, input.quotedNewlines(), split.path());
    try {
      if (options.header && split.start() == 0 && tokenizer.next()) {
        CsvHeaderChecker.check(tokenizer, CsvRecordConverter.fileColumns(dataSchema,
            options.columnNameOfCorruptRecord), options.enforceSchema, split.path());
      }
      tokenizer.setWanted(converter.wantedFields());
    } catch (RuntimeException e) {
      closeAfterFailure(e);
      throw e;
    }
  }

  @Override
  public VectorSchemaRoot next() {
    if (done) {
      return null;
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      for (FieldVector v : root.getFieldVectors()) {
        v.setInitialCapacity(initialRows);
        v.allocateNew();
      }
      converter.bind(root);
      int rows = 0;
      while (rows < batchSize) {
        if (!tokenizer.next()) {
          done = true;
          break;
        }
        if (converter.convert(tokenizer, rows)) {
          rows++;
        }
      }
      if (rows == 0) {
        root.close();
        return null;
      }
      root.setRowCount(rows);
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  @Override
  public void close() {
    done = true;
    tokenizer.close();
  }

  private void closeAfterFailure(RuntimeException e) {
    try {
      tokenizer.close();
    } catch (RuntimeException closeFailure) {
      e.addSuppressed(closeFailure);
    }
  }
}
