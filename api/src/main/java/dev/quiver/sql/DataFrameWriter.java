package dev.quiver.sql;

import dev.quiver.driver.WriteRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's DataFrameWriter: {@code df.write().mode("overwrite").partitionBy("year").parquet(path)}. Output
 * is committed atomically: a failed write leaves no partial files, and {@code _SUCCESS} marks a complete one.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format;
  private String mode;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionBy = new ArrayList<>();

  DataFrameWriter(DataFrame df) {
    this.df = df;
  }

  /** errorifexists (default; also error, default), overwrite, append, ignore. */
  public DataFrameWriter mode(String saveMode) {
    String m = saveMode.toLowerCase(Locale.ROOT);
    switch (m) {
      case "overwrite":
      case "append":
      case "ignore":
      case "errorifexists":
        this.mode = m;
        break;
      case "error":
      case "default":
        this.mode = "errorifexists";
        break;
      default:
        throw new IllegalArgumentException("[INVALID_SAVE_MODE] The specified save mode \"" + saveMode
            + "\" is invalid. Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", "
            + "\"errorifexists\", and \"default\".");
    }
    return this;
  }

  public DataFrameWriter mode(SaveMode saveMode) {
    return mode(saveMode.option());
  }

  public DataFrameWriter format(String source) {
    this.format = source;
    return this;
  }

  public DataFrameWriter option(String key, String value) {
    options.put(key, value);
    return this;
  }

  public DataFrameWriter option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameWriter option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameWriter option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameWriter options(Map<String, String> opts) {
    options.putAll(opts);
    return this;
  }

  /** Writes one Hive-style directory per value of these columns ({@code year=2024/}). */
  public DataFrameWriter partitionBy(String... colNames) {
    partitionBy.clear();
    partitionBy.addAll(List.of(colNames));
    return this;
  }

  private WriteRequest request(String path) {
    Map<String, String> opts = new LinkedHashMap<>(options);
    opts.remove("path");
    return new WriteRequest(format, mode, opts, partitionBy, path);
  }

  public void save() {
    String path = options.get("path");
    if (path == null) {
      throw new AnalysisException("No path to save to: give one to save(path) or set the option \"path\".");
    }
    save(path);
  }

  public void save(String path) {
    df.sparkSession().backend().write(df.plan(), request(path));
  }

  public void csv(String path) {
    format("csv").save(path);
  }

  public void parquet(String path) {
    format("parquet").save(path);
  }

  /** Saves as a table of the warehouse (spark.sql.warehouse.dir) that later sessions can read by name. */
  public void saveAsTable(String tableName) {
    df.sparkSession().backend().saveAsTable(df.plan(), tableName, request(null));
  }

  /**
   * Appends (or with mode overwrite, replaces) the rows of an existing table, matching columns by position and
   * keeping the table's format and partitioning, as Spark's insertInto.
   */
  public void insertInto(String tableName) {
    df.sparkSession().backend().insertInto(df.plan(), tableName, "overwrite".equals(mode));
  }
}
