package dev.quiver.formats.parquet;

import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.xerial.snappy.Snappy;

/**
 * Initializes what the first Parquet read of a process needs: the footer's Thrift and metadata classes, the
 * Spark schema JSON parser and Snappy's native library (which is unpacked to a temporary file first). Run
 * on a spare thread at session start, it takes this work off the first query's critical path; a failure here
 * is left for that read to report.
 */
public final class ParquetWarmup {
  private ParquetWarmup() {}

  public static void run() throws Exception {
    new ParquetMetadataConverter();
    Class.forName(org.apache.parquet.format.FileMetaData.class.getName());
    Class.forName(SparkSchemaJson.class.getName());
    Snappy.getNativeLibraryVersion();
  }
}
