package dev.quiver.formats;

import dev.quiver.formats.csv.CsvFormat;
import dev.quiver.formats.parquet.ParquetFormat;
import dev.quiver.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;

/** The file formats Quiver reads and writes, by the names users give to {@code format(...)}. */
public final class FileFormats {
  private static final Map<String, FileFormat> FORMATS = Map.of(
      "csv", new CsvFormat(),
      "parquet", new ParquetFormat());

  private FileFormats() {}

  public static FileFormat get(String name) {
    FileFormat f = FORMATS.get(normalize(name));
    if (f == null) {
      throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the data source: " + name
          + ". Quiver reads and writes the formats: csv, parquet.", "42K02");
    }
    return f;
  }

  /** Spark also accepts fully qualified source names for the built-in formats. */
  public static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv") || n.equals("com.databricks.spark.csv")) {
      return "csv";
    }
    if (n.endsWith(".parquet")) {
      return "parquet";
    }
    return n;
  }
}
