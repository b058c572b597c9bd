package dev.quiver.formats.csv;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Spark's CSV data source ({@code spark.read.csv}, {@code df.write.csv}) on Arrow batches: the same options,
 * defaults, null rules, schema inference, malformed-record modes and text forms of values as Spark 4.
 *
 * <p>Records are split into fields with univocity's rules as Spark configures them (see {@link CsvTokenizer});
 * notably the default escape character is the backslash, so {@code "Tom \"TJ\" Jones"} reads as
 * {@code Tom "TJ" Jones}, and an unquoted empty field is null while a quoted one is the empty string before
 * {@code nullValue} applies (with the default nullValue "" both are null).
 *
 * <p>Splits: without multiLine an uncompressed file in an ASCII-compatible charset can be read in byte ranges;
 * each range reads the lines that begin in it, found as Hadoop's line reader finds them. A file read in one
 * piece, and every file with {@code multiLine=true}, is parsed with full quote awareness, so quoted fields may
 * contain line breaks. <b>Limitation</b> (shared with Spark): when a file without multiLine is read in several
 * ranges, lines are cut at every line break, so a quoted field containing a line break is read as a broken
 * record wherever the file is split; use {@code multiLine=true} for such files.
 *
 * <p>Writing prints through commons-csv and produces the bytes Spark's writer (univocity) produces: see
 * {@link CsvRecordWriter} for its quoting, escaping and trimming rules.
 *
 * <p>Deviations from Spark: a record's field count is always checked against all the file's columns (Spark,
 * pruning columns, checks it only when every column is read); Spark's legacy time parser is not offered; a
 * value that does not decode in the charset fails the read instead of becoming U+FFFD; with
 * ignoreLeadingWhiteSpace=false and ignoreTrailingWhiteSpace true (the write default), a value of only whitespace
 * is written as an empty string is, where Spark writes a garbled token.
 *
 * <p>Stateless and thread-safe; every call parses its options anew.
 */
public final class CsvFormat implements FileFormat {
  public CsvFormat() {}

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public StructType inferSchema(List<FileInfo> files, FormatOptions options) {
    return CsvSchemaInference.infer(files, CsvOptions.parse(options));
  }

  @Override
  public boolean isSplittable(FileInfo file, FormatOptions options) {
    return CsvInput.isSplittable(file.path(), CsvOptions.parse(options));
  }

  /** Filters are not used: CSV has no statistics to skip data with, and the engine filters the rows. */
  @Override
  public BatchReader open(FileSplit split, StructType dataSchema, StructType requiredSchema,
      List<SourceFilter> filters, FormatOptions options, BufferAllocator allocator, int batchSize) {
    return new CsvBatchReader(split, dataSchema, requiredSchema, CsvOptions.parse(options), allocator, batchSize);
  }

  /** The allocator is not needed: rows are formatted straight from the caller's vectors. */
  @Override
  public BatchWriter create(String path, StructType schema, FormatOptions options, BufferAllocator allocator) {
    return new CsvBatchWriter(path, schema, CsvOptions.parse(options));
  }

  @Override
  public String fileExtension(FormatOptions options) {
    return CsvOptions.parse(options).gzip ? ".csv.gz" : ".csv";
  }
}
