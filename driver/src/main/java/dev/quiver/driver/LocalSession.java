package dev.quiver.driver;

import dev.quiver.driver.cache.CacheManager;
import dev.quiver.driver.catalog.Catalog;
import dev.quiver.driver.catalog.TableMetadata;
import dev.quiver.driver.catalog.TableWrites;
import dev.quiver.driver.io.FileSources;
import dev.quiver.driver.io.IpcBatches;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.JoinKeyInputs;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.HadoopFs;
import dev.quiver.formats.commit.OutputCommitter;
import dev.quiver.formats.commit.TaskCommitMessage;
import dev.quiver.formats.commit.WriteJob;
import dev.quiver.formats.commit.WriteMode;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.planner.stages.JoinKeyFilters;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The in-process engine behind a {@code local[n]} Session. */
public final class LocalSession implements SessionBackend {
  private final LocalRuntime runtime;
  private final Map<String, LogicalPlan> tempViews = new ConcurrentHashMap<>();

  public LocalSession(QuiverConf conf, MasterUrl master, String appName) {
    this.runtime = new LocalRuntime(conf, master, appName);
  }

  /** A session whose tasks run on {@code execution} (a cluster's workers, shared with other sessions). */
  public LocalSession(QuiverConf conf, AppInfo info, ExecutionBackend execution) {
    this.runtime = new LocalRuntime(conf, info, execution, 4);
  }

  @Override
  public AppInfo appInfo() {
    return runtime.info();
  }

  @Override
  public QuiverConf conf() {
    return runtime.conf();
  }

  @Override
  public LogicalPlan analyze(LogicalPlan unresolved) {
    return new QueryExecution(runtime, unresolved).analyzed();
  }

  @Override
  public FileSource resolveFiles(String format, List<String> paths, Map<String, String> options,
      StructType userSchema) {
    return FileSources.resolve(FileFormats.normalize(format), paths, options, userSchema,
        Sessions.zone(runtime.conf()), runtime.conf().getBoolean(QuiverConf.CASE_SENSITIVE, false));
  }

  @Override
  public ResultRows collect(LogicalPlan plan) {
    IpcResult result = collectIpc(plan);
    List<Object[]> rows = new ArrayList<>();
    for (byte[] partition : result.partitions()) {
      IpcBatches.readRows(partition, runtime.allocator(), rows);
    }
    return new ResultRows(result.schema(), rows);
  }

  @Override
  public IpcResult collectIpc(LogicalPlan plan) {
    QueryExecution qe = new QueryExecution(runtime, plan);
    List<TaskOutcome> outcomes = run(qe, qe::stages);
    List<byte[]> partitions = new ArrayList<>(outcomes.size());
    for (TaskOutcome o : outcomes) {
      partitions.add(((TaskOutcome.Rows) o).ipcStream());
    }
    return new IpcResult(Plans.schemaOf(qe.analyzed()), partitions);
  }

  @Override
  public Iterator<Object[]> toLocalIterator(LogicalPlan plan) {
    QueryExecution qe = new QueryExecution(runtime, plan);
    List<TaskOutcome> outcomes = run(qe, qe::stages);
    return new Iterator<>() {
      private int partition;
      private Iterator<Object[]> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && partition < outcomes.size()) {
          List<Object[]> rows = new ArrayList<>();
          IpcBatches.readRows(((TaskOutcome.Rows) outcomes.get(partition++)).ipcStream(), runtime.allocator(), rows);
          current = rows.iterator();
        }
        return current.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Materializes the caches a query reads, then plans and runs its stages; returns the result stage's outcomes.
   * The stages are planned only after the caches exist, because a cached relation is read with one task per
   * cached partition.
   */
  private List<TaskOutcome> run(QueryExecution qe, Supplier<StageDag> stages) {
    checkRunning();
    Map<Long, List<byte[]>> pinned = new java.util.HashMap<>();
    for (long cacheId : qe.cachedRelations()) {
      pinned.put(cacheId, materialize(cacheId));
    }
    JoinKeyFilters keyFilters = runtime.conf().getBoolean(QuiverConf.JOIN_KEY_FILTERS, true)
        ? JoinKeyFilters.plan(stages.get()) : JoinKeyFilters.none(stages.get());
    StageDag dag = keyFilters.dag();
    JobId job = runtime.newJobId();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(TaskRunner.SESSION_TIME_ZONE, Sessions.zone(runtime.conf()).getId());
    settings.put(TaskRunner.QUERY_START_MICROS, Long.toString(qe.startMicros()));
    if (qe.materializedCacheId() >= 0) {
      // Where tasks run on workers, the cache's partitions stay there (see ExecutionBackend).
      settings.put(ExecutionBackend.CACHE_BEING_MATERIALIZED, Long.toString(qe.materializedCacheId()));
    }
    if (!runtime.conf().getBoolean(QuiverConf.SCAN_KEY_FILTERS, true)) {
      settings.put(TaskRunner.SCAN_KEY_FILTERS, "false");
    }
    if (runtime.conf().contains(QuiverConf.TASK_MEMORY)) {
      settings.put(TaskRunner.TASK_MEMORY_BYTES, Long.toString(runtime.conf().getBytes(QuiverConf.TASK_MEMORY, 0)));
    }
    try {
      TaskInputs inputs = runtime.execution().jobInputs(job, pinned);
      if (!keyFilters.keysFrom().isEmpty()) {
        inputs = new JoinKeyInputs(inputs, keyFilters);
      }
      return runtime.scheduler().runJob(job, dag, settings, inputs,
          (stage, outcomes) -> {
            if (stage.kind() == StageKind.BROADCAST) {
              runtime.execution().broadcastFinished(job, stage, outcomes);
            }
          });
    } catch (RuntimeException | Error e) {
      runtime.execution().jobFailed(job, e);
      throw e;
    } finally {
      runtime.cleanupJob(job);
    }
  }

  /** The partitions of a cached DataFrame, computing them on first use. */
  private synchronized List<byte[]> materialize(long cacheId) {
    Optional<List<byte[]>> have = runtime.cache().partitionsIfMaterialized(cacheId);
    if (have.isPresent() && runtime.execution().cachedPartitionsAvailable(have.get())) {
      return have.get();
    }
    LogicalPlan plan = runtime.cache().entry(cacheId).orElseThrow(() -> new QuiverException("CACHE_DROPPED",
        "A cached DataFrame this query reads was unpersisted while the query was being planned; run it again.",
        null, null)).source();
    QueryExecution qe = new QueryExecution(runtime, plan, cacheId);
    List<TaskOutcome> outcomes = run(qe, qe::stages);
    List<byte[]> partitions = new ArrayList<>();
    for (TaskOutcome o : outcomes) {
      partitions.add(((TaskOutcome.Rows) o).ipcStream());
    }
    runtime.cache().store(cacheId, partitions);
    return partitions;
  }

  @Override
  public String explain(LogicalPlan plan, boolean extended) {
    return new QueryExecution(runtime, plan).explainString(extended);
  }

  @Override
  public void write(LogicalPlan plan, WriteRequest request) {
    String format = request.format() != null ? request.format()
        : runtime.conf().get(QuiverConf.DEFAULT_SOURCE, "parquet");
    format = FileFormats.get(format).name();
    if (request.path() == null || request.path().isBlank()) {
      throw new AnalysisException("A path is needed to save a DataFrame: use save(path), csv(path) or "
          + "parquet(path), or saveAsTable(name).");
    }
    QueryExecution qe = new QueryExecution(runtime, plan);
    List<String> partitionBy = partitionColumns(qe.analyzed().output(), request.partitionBy());
    WriteMode mode = WriteMode.fromString(request.mode() == null ? "errorifexists" : request.mode());
    checkOverwriteMode(request, mode, partitionBy);
    OutputCommitter committer = new OutputCommitter(request.path(), mode, OutputCommitter.newJobId());
    Optional<WriteJob> job = committer.setupJob();
    if (job.isEmpty()) {
      return;
    }
    try {
      WriteJob wj = job.get();
      WriteSpec spec = new WriteSpec(format, request.options(), partitionBy, wj.outputPath(), wj.stagingDir(),
          wj.jobId());
      List<TaskOutcome> outcomes = run(qe, () -> qe.cut(new WriteFilesExec(spec, qe.physical())));
      List<TaskCommitMessage> messages = new ArrayList<>();
      for (TaskOutcome o : outcomes) {
        messages.add(((TaskOutcome.Written) o).commit());
      }
      committer.commitJob(messages);
      // Cached DataFrames over the files just replaced or added are recomputed on their next use, as Spark
      // refreshes caches by path after a write.
      String written = HadoopFs.qualify(request.path()).toString();
      runtime.cache().invalidateReading(written, cached -> Plans.transformUp(cached, n -> {
        if (n instanceof FileRelation f && CacheManager.readsUnder(f, written)) {
          FileSource s = f.source();
          return FileRelation.of(resolveFiles(s.format(), s.paths(), s.options(), s.fullSchema()));
        }
        return n;
      }));
    } catch (RuntimeException | Error e) {
      try {
        committer.abortJob();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** The partition columns by their names in the DataFrame (matched as names resolve, case-insensitively). */
  private List<String> partitionColumns(List<AttributeReference> output, List<String> partitionBy) {
    boolean caseSensitive = runtime.conf().getBoolean(QuiverConf.CASE_SENSITIVE, false);
    List<String> resolved = new ArrayList<>();
    for (String p : partitionBy) {
      Optional<AttributeReference> found = output.stream()
          .filter(a -> caseSensitive ? a.name().equals(p) : a.name().equalsIgnoreCase(p)).findFirst();
      if (found.isEmpty()) {
        List<String> names = output.stream().map(AttributeReference::name).toList();
        throw new AnalysisException("COLUMN_NOT_FOUND", "The partition column `" + p + "` does not exist in the "
            + "DataFrame's columns " + names + ".", "42703");
      }
      resolved.add(found.get().name());
    }
    checkPartitionColumns(output, resolved);
    return resolved;
  }

  /** Spark's dynamic partition overwrite replaces only the partitions written; Quiver refuses rather than delete others. */
  private void checkOverwriteMode(WriteRequest request, WriteMode mode, List<String> partitionBy) {
    String setting = request.options().getOrDefault("partitionOverwriteMode",
        runtime.conf().get("spark.sql.sources.partitionOverwriteMode", "static"));
    if (mode == WriteMode.OVERWRITE && !partitionBy.isEmpty() && setting.equalsIgnoreCase("dynamic")) {
      throw new AnalysisException("UNSUPPORTED_FEATURE.DYNAMIC_PARTITION_OVERWRITE", "Dynamic partition overwrite "
          + "(partitionOverwriteMode=dynamic) is not supported by Quiver yet: an overwrite replaces the whole "
          + "output path. Write the new partitions to their own directories, or set partitionOverwriteMode to "
          + "static to replace everything.", "0A000");
    }
  }

  private static void checkPartitionColumns(List<AttributeReference> output, List<String> partitionBy) {
    if (!partitionBy.isEmpty() && partitionBy.size() >= output.size()) {
      throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "Cannot use all columns for partition "
          + "columns: at least one column must remain inside the files.", "KD005");
    }
  }

  @Override
  public void saveAsTable(LogicalPlan plan, String table, WriteRequest request) {
    Catalog catalog = runtime.catalog();
    String name = Catalog.normalize(table);
    Optional<TableMetadata> existing = catalog.lookup(name);
    String mode = request.mode() == null ? "errorifexists" : request.mode().toLowerCase(Locale.ROOT);
    if (existing.isPresent()) {
      switch (mode) {
        case "ignore":
          return;
        case "append": {
          TableMetadata t = existing.get();
          if (request.format() != null && !FileFormats.normalize(request.format()).equals(t.format())) {
            throw new AnalysisException("The format of table `" + name + "` is " + t.format() + ", but "
                + request.format() + " was given to append to it. Append with format(\"" + t.format() + "\").");
          }
          write(TableWrites.byName(analyze(plan), t),
              new WriteRequest(t.format(), "append", t.options(), t.partitionColumns(), t.location()));
          return;
        }
        case "overwrite":
          break;
        default:
          throw Catalog.tableExists(name);
      }
    }
    String format = FileFormats.get(request.format() != null ? request.format()
        : runtime.conf().get(QuiverConf.DEFAULT_SOURCE, "parquet")).name();
    String location = catalog.defaultLocation(name).toUri().toString();
    write(plan, new WriteRequest(format, existing.isPresent() ? "overwrite" : "overwrite", request.options(),
        request.partitionBy(), location));
    StructType schema = Plans.schemaOf(analyze(plan));
    List<dev.quiver.sql.types.StructField> fields = new ArrayList<>();
    for (dev.quiver.sql.types.StructField f : schema.fieldList()) {
      if (!request.partitionBy().contains(f.name())) {
        fields.add(f.withNullable(true));
      }
    }
    for (String p : request.partitionBy()) {
      fields.add(schema.apply(p).withNullable(true));
    }
    catalog.save(new TableMetadata(name, format, location, StructType.of(fields), request.partitionBy(),
        request.options()));
  }

  @Override
  public void insertInto(LogicalPlan plan, String table, boolean overwrite) {
    String name = Catalog.normalize(table);
    if (tempViews.containsKey(table.toLowerCase(Locale.ROOT))) {
      throw new AnalysisException("UNSUPPORTED_INSERT.NOT_ALLOWED", "Can't insert into the target `" + table
          + "`: it is a temporary view, not a table.", "42809");
    }
    TableMetadata t = runtime.catalog().lookup(name).orElseThrow(() -> Catalog.tableNotFound(table));
    write(TableWrites.byPosition(analyze(plan), t), new WriteRequest(t.format(), overwrite ? "overwrite" : "append",
        t.options(), t.partitionColumns(), t.location()));
  }

  @Override
  public LogicalPlan table(String name) {
    LogicalPlan view = tempViews.get(name.toLowerCase(Locale.ROOT));
    if (view != null) {
      return new SubqueryAlias(name, view);
    }
    String normalized = Catalog.normalize(name);
    TableMetadata t = runtime.catalog().lookup(normalized).orElseThrow(() -> Catalog.tableNotFound(name));
    FileSource source = resolveFiles(t.format(), List.of(t.location()), t.options(), t.schema());
    return new SubqueryAlias(normalized, FileRelation.of(source));
  }

  @Override
  public void createTempView(String name, LogicalPlan plan, boolean replace) {
    String key = name.toLowerCase(Locale.ROOT);
    analyze(plan);
    if (!replace && tempViews.containsKey(key)) {
      throw new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create the temporary view `" + name
          + "` because it already exists. Choose a different name, drop or replace the existing view, or use "
          + "createOrReplaceTempView.", "42P07");
    }
    tempViews.put(key, plan);
  }

  @Override
  public boolean dropTempView(String name) {
    return tempViews.remove(name.toLowerCase(Locale.ROOT)) != null;
  }

  @Override
  public List<String> tableNames() {
    List<String> names = new ArrayList<>(runtime.catalog().tableNames());
    names.addAll(tempViews.keySet());
    return names;
  }

  @Override
  public void cache(LogicalPlan plan, String storageLevel) {
    analyze(plan);
    runtime.cache().register(plan, storageLevel);
  }

  @Override
  public boolean uncache(LogicalPlan plan) {
    return runtime.cache().unregister(plan);
  }

  @Override
  public boolean isCached(LogicalPlan plan) {
    return runtime.cache().lookup(plan).isPresent();
  }

  @Override
  public void clearCache() {
    runtime.cache().clear();
  }

  private void checkRunning() {
    if (runtime.isStopped()) {
      throw new dev.quiver.sql.QuiverException("This session has been stopped; create a new one with "
          + "Session.builder().getOrCreate().");
    }
  }

  @Override
  public void stop() {
    runtime.close();
  }
}
