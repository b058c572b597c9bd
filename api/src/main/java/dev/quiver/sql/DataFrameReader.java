package dev.quiver.sql;

import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.sql.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's DataFrameReader: {@code spark.read().option("header", "true").csv(path)}. Files are listed and the
 * schema inferred (or the given one applied) when the DataFrame is created, so a missing path fails here.
 */
public final class DataFrameReader {
  private final Session session;
  private String format;
  private StructType userSchema;
  private final Map<String, String> options = new LinkedHashMap<>();

  DataFrameReader(Session session) {
    this.session = session;
  }

  public DataFrameReader format(String source) {
    this.format = source;
    return this;
  }

  public DataFrameReader schema(StructType schema) {
    this.userSchema = schema;
    return this;
  }

  /** A schema in DDL form: {@code "name STRING, age INT"}. */
  public DataFrameReader schema(String schemaString) {
    return schema(StructType.fromDDL(schemaString));
  }

  public DataFrameReader option(String key, String value) {
    options.put(key, value);
    return this;
  }

  public DataFrameReader option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameReader option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameReader option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameReader options(Map<String, String> opts) {
    options.putAll(opts);
    return this;
  }

  public DataFrame load() {
    String path = options.get("path");
    if (path == null) {
      throw new AnalysisException("No path to load: give one to load(path) or set the option \"path\".");
    }
    return load(path);
  }

  public DataFrame load(String... paths) {
    String fmt = format != null ? format
        : session.conf().get(dev.quiver.driver.QuiverConf.DEFAULT_SOURCE, "parquet");
    FileSource source = session.backend().resolveFiles(fmt, List.of(paths), options, userSchema);
    return new DataFrame(session, FileRelation.of(source));
  }

  public DataFrame csv(String... paths) {
    return format("csv").load(paths);
  }

  public DataFrame parquet(String... paths) {
    return format("parquet").load(paths);
  }

  public DataFrame table(String tableName) {
    return session.table(tableName);
  }
}
