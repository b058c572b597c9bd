package dev.quiver.driver;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.explain.LogicalPlanPrinter;
import dev.quiver.planner.explain.PhysicalPlanPrinter;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.optimizer.Optimizer;
import dev.quiver.planner.optimizer.OptimizerContext;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlanner;
import dev.quiver.planner.physical.PlanningSettings;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StagePlanner;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.QuiverException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One query's way through the planner: parsed (as the API built it) -> cached parts substituted ->
 * analyzed -> optimized -> physical -> stages. Each step is computed once, on first use.
 */
public final class QueryExecution {
  private final LocalRuntime runtime;
  private final LogicalPlan parsed;
  private final long excludeCacheId;
  private final long startMicros = DateTimeValues.fromInstant(Instant.now());
  private LogicalPlan analyzed;
  private LogicalPlan optimized;
  private PhysicalPlan physical;
  private StageDag stages;

  public QueryExecution(LocalRuntime runtime, LogicalPlan parsed) {
    this(runtime, parsed, -1);
  }

  QueryExecution(LocalRuntime runtime, LogicalPlan parsed, long excludeCacheId) {
    this.runtime = runtime;
    this.parsed = parsed;
    this.excludeCacheId = excludeCacheId;
  }

  /** The cached DataFrame this query computes (its partitions become the cache), or -1. */
  public long materializedCacheId() {
    return excludeCacheId;
  }

  public long startMicros() {
    return startMicros;
  }

  ZoneId zone() {
    return Sessions.zone(runtime.conf());
  }

  public LogicalPlan parsed() {
    return parsed;
  }

  public synchronized LogicalPlan analyzed() {
    if (analyzed == null) {
      Analyzer analyzer = new Analyzer(runtime.conf().getBoolean(QuiverConf.CASE_SENSITIVE, false));
      LogicalPlan withCache = runtime.cache().substitute(parsed, p -> analyzer.analyze(p).output(), excludeCacheId);
      analyzed = analyzer.analyze(withCache);
    }
    return analyzed;
  }

  public synchronized LogicalPlan optimized() {
    if (optimized == null) {
      QuiverConf conf = runtime.conf();
      // Runtime filters are broadcast semi joins: their creation side is bounded by the broadcast threshold.
      long runtimeFilters = conf.getBoolean(QuiverConf.RUNTIME_FILTER_SEMI_JOIN, true) ? broadcastThreshold() : -1;
      OptimizerContext ctx = new OptimizerContext(new ConstantFolder(runtime.allocator(), zone(), startMicros),
          zone(), startMicros, runtimeFilters);
      optimized = new Optimizer(ctx).optimize(analyzed());
    }
    return optimized;
  }

  /** spark.sql.autoBroadcastJoinThreshold in bytes; -1 when broadcasts are off. */
  private long broadcastThreshold() {
    long threshold = runtime.conf().getBytes(QuiverConf.BROADCAST_THRESHOLD, 10L << 20);
    return threshold < 0 ? -1 : threshold;
  }

  public synchronized PhysicalPlan physical() {
    if (physical == null) {
      QuiverConf conf = runtime.conf();
      PlanningSettings settings = new PlanningSettings(runtime.parallelism(),
          conf.getInt(QuiverConf.SHUFFLE_PARTITIONS, 0), broadcastThreshold(), 64L << 20);
      long maxPartitionBytes = conf.getBytes(QuiverConf.MAX_PARTITION_BYTES, 128L << 20);
      long openCost = conf.getBytes(QuiverConf.OPEN_COST_IN_BYTES, 4L << 20);
      if (maxPartitionBytes <= 0 || openCost < 0) {
        String key = maxPartitionBytes <= 0 ? QuiverConf.MAX_PARTITION_BYTES : QuiverConf.OPEN_COST_IN_BYTES;
        throw new QuiverException("INVALID_CONF_VALUE", "The value '" + conf.get(key) + "' of the setting " + key
            + " is not valid: use a " + (maxPartitionBytes <= 0 ? "positive" : "non-negative")
            + " size such as 128m.", "22022", null);
      }
      FileScanPlanning scans = new FileScanPlanning(maxPartitionBytes, openCost, runtime.parallelism(),
          runtime.cache());
      physical = new PhysicalPlanner(settings, scans).plan(optimized());
    }
    return physical;
  }

  public synchronized StageDag stages() {
    if (stages == null) {
      stages = cut(physical());
    }
    return stages;
  }

  /** Cuts a plan of this query (the query's own, or it under a write) into stages, by the session's settings. */
  public StageDag cut(PhysicalPlan root) {
    return StagePlanner.cut(root, runtime.conf().getBoolean(QuiverConf.EXCHANGE_REUSE, true));
  }

  /** The cached DataFrames this query reads. */
  public List<Long> cachedRelations() {
    List<Long> ids = new ArrayList<>();
    for (LogicalPlan n : Plans.collectNodes(optimized())) {
      if (n instanceof CachedRelation c) {
        ids.add(c.cacheId());
      }
    }
    return ids;
  }

  public List<AttributeReference> output() {
    return analyzed().output();
  }

  /** explain(): the physical plan; explain(true): the parsed, analyzed, optimized and physical plans. */
  public String explainString(boolean extended) {
    StringBuilder sb = new StringBuilder();
    if (extended) {
      sb.append("== Parsed Logical Plan ==\n").append(LogicalPlanPrinter.print(parsed)).append('\n');
      sb.append("== Analyzed Logical Plan ==\n");
      List<String> cols = new ArrayList<>();
      for (AttributeReference a : analyzed().output()) {
        cols.add(a.name() + ": " + a.dataType().simpleString());
      }
      sb.append(String.join(", ", cols)).append('\n');
      sb.append(LogicalPlanPrinter.print(analyzed())).append('\n');
      sb.append("== Optimized Logical Plan ==\n").append(LogicalPlanPrinter.print(optimized())).append('\n');
    }
    sb.append("== Physical Plan ==\n").append(PhysicalPlanPrinter.print(stages()));
    return sb.toString();
  }
}
