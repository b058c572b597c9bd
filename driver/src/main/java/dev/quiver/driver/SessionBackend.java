package dev.quiver.driver;

import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.StructType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the API's Session and DataFrame ask of the engine. The API builds unresolved logical plans and hands
 * them here; an in-process implementation runs them on local threads, a remote one sends them to a driver.
 * All errors a user can cause arrive as Quiver's Spark-named exceptions.
 */
public interface SessionBackend extends AutoCloseable {
  AppInfo appInfo();

  QuiverConf conf();

  /** Analyzes a plan (raising AnalysisException for unknown columns, type errors...). */
  LogicalPlan analyze(LogicalPlan unresolved);

  /** Lists files and infers or applies the schema of a file source (eagerly, as DataFrameReader does). */
  FileSource resolveFiles(String format, List<String> paths, Map<String, String> options, StructType userSchema);

  /** Runs the plan and returns all its rows in internal form. */
  ResultRows collect(LogicalPlan plan);

  /**
   * Runs the plan and returns its rows as Arrow IPC streams, one per result partition: what a driver streams
   * to a remote client, which decodes them itself.
   */
  IpcResult collectIpc(LogicalPlan plan);

  /** Runs the plan and returns its rows one result partition at a time. */
  Iterator<Object[]> toLocalIterator(LogicalPlan plan);

  String explain(LogicalPlan plan, boolean extended);

  /** Writes the plan's rows to files (errorifexists, overwrite, append or ignore). */
  void write(LogicalPlan plan, WriteRequest request);

  /** Writes the plan's rows as a table of the warehouse and records it in the catalog. */
  void saveAsTable(LogicalPlan plan, String table, WriteRequest request);

  /** Appends (or replaces) a catalog table's rows, matching columns by position and keeping its format. */
  void insertInto(LogicalPlan plan, String table, boolean overwrite);

  /** A temporary view or a catalog table, as an unresolved plan. */
  LogicalPlan table(String name);

  void createTempView(String name, LogicalPlan plan, boolean replace);

  boolean dropTempView(String name);

  List<String> tableNames();

  void cache(LogicalPlan plan, String storageLevel);

  boolean uncache(LogicalPlan plan);

  boolean isCached(LogicalPlan plan);

  void clearCache();

  void stop();

  @Override
  default void close() {
    stop();
  }
}
