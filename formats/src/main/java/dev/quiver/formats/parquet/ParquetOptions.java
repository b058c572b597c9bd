package dev.quiver.formats.parquet;

import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.QuiverException;
import java.util.Locale;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet reader and writer options, with Spark's names and defaults: {@code compression} (alias
 * {@code parquet.compression}; snappy), {@code parquet.block.size} (row group bytes; 128 MB),
 * {@code parquet.page.size} (1 MB), {@code parquet.dictionary.page.size} (1 MB), {@code parquet.enable.dictionary}
 * (true), {@code parquet.writer.version} (v1), {@code mergeSchema} (false) and {@code binaryAsString} (false).
 */
record ParquetOptions(
    CompressionCodecName compression,
    long blockSize,
    int pageSize,
    int dictionaryPageSize,
    boolean dictionary,
    WriterVersion writerVersion,
    boolean mergeSchema,
    boolean binaryAsString) {

  static final long DEFAULT_BLOCK_SIZE = 128L * 1024 * 1024;
  static final int DEFAULT_PAGE_SIZE = 1024 * 1024;

  static ParquetOptions of(FormatOptions o) {
    return new ParquetOptions(
        codec(o.getAny("snappy", "compression", "parquet.compression")),
        positive(o, "parquet.block.size", DEFAULT_BLOCK_SIZE),
        (int) Math.min(Integer.MAX_VALUE, positive(o, "parquet.page.size", DEFAULT_PAGE_SIZE)),
        (int) Math.min(Integer.MAX_VALUE, positive(o, "parquet.dictionary.page.size", DEFAULT_PAGE_SIZE)),
        o.getBoolean("parquet.enable.dictionary", true),
        writerVersion(o.get("parquet.writer.version", "v1")),
        o.contains("mergeSchema") ? o.getBoolean("mergeSchema", false)
            : o.getBoolean("spark.sql.parquet.mergeSchema", false),
        o.contains("binaryAsString") ? o.getBoolean("binaryAsString", false)
            : o.getBoolean("spark.sql.parquet.binaryAsString", false));
  }

  private static CompressionCodecName codec(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none":
      case "uncompressed":
        return CompressionCodecName.UNCOMPRESSED;
      case "snappy":
        return CompressionCodecName.SNAPPY;
      case "gzip":
        return CompressionCodecName.GZIP;
      case "zstd":
        return CompressionCodecName.ZSTD;
      case "lz4_raw":
        return CompressionCodecName.LZ4_RAW;
      default:
        throw new QuiverException("CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION", "The codec " + name
            + " is not available for Parquet. Available codecs are none, uncompressed, snappy, gzip, zstd, lz4_raw.",
            "56038", null);
    }
  }

  private static WriterVersion writerVersion(String v) {
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "v1":
      case "parquet_1_0":
        return WriterVersion.PARQUET_1_0;
      case "v2":
      case "parquet_2_0":
        return WriterVersion.PARQUET_2_0;
      default:
        throw new QuiverException("The option 'parquet.writer.version' must be v1 or v2, but was '" + v + "'.");
    }
  }

  private static long positive(FormatOptions o, String key, long def) {
    long v = o.getLong(key, def);
    if (v <= 0) {
      throw new QuiverException("The option '" + key + "' must be a positive number of bytes, but was " + v + ".");
    }
    return v;
  }

  /** The file name suffix Spark uses for this codec: {@code .snappy.parquet}, {@code .parquet} for none. */
  String fileExtension() {
    return compression.getExtension() + ".parquet";
  }
}
