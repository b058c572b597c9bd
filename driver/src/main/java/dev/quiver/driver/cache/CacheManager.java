package dev.quiver.driver.cache;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * DataFrames marked with {@code cache()}/{@code persist()}: lazily materialized on the first action that
 * uses them (as Spark does), then read from memory by every later query whose plan contains them. A cached
 * DataFrame is recognized by its (unresolved) plan, so {@code df.cache(); df.filter(...)} hits the cache.
 */
public final class CacheManager {
  /**
   * One cached plan: {@code plan} is how queries recognize it (the DataFrame's plan); {@code source} is what is
   * run to compute it — the same plan, or one whose files were listed again after a write replaced them.
   */
  public record Entry(long id, LogicalPlan plan, String storageLevel, LogicalPlan source) {
    public Entry(long id, LogicalPlan plan, String storageLevel) {
      this(id, plan, storageLevel, plan);
    }
  }

  private final AtomicLong nextId = new AtomicLong(1);
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final Map<Long, List<byte[]>> data = new ConcurrentHashMap<>();

  public synchronized long register(LogicalPlan plan, String storageLevel) {
    Optional<Entry> existing = lookup(plan);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Entry e = new Entry(nextId.getAndIncrement(), plan, storageLevel);
    entries.add(e);
    return e.id();
  }

  public synchronized boolean unregister(LogicalPlan plan) {
    Optional<Entry> e = lookup(plan);
    e.ifPresent(x -> {
      entries.remove(x);
      data.remove(x.id());
    });
    return e.isPresent();
  }

  public synchronized void clear() {
    entries.clear();
    data.clear();
  }

  public Optional<Entry> lookup(LogicalPlan plan) {
    for (Entry e : entries) {
      if (e.plan().equals(plan)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<Entry> entry(long id) {
    for (Entry e : entries) {
      if (e.id() == id) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Replaces every cached subtree of an unresolved plan by a CachedRelation with fresh attributes (keeping the
   * DataFrame's plan-id marker above it, so {@code df.col(...)} still resolves). {@code schemaOf} analyzes a
   * cached plan to learn its columns. {@code except} is left alone (the plan being materialized itself).
   */
  public LogicalPlan substitute(LogicalPlan plan, Function<LogicalPlan, List<AttributeReference>> schemaOf,
      long except) {
    if (entries.isEmpty()) {
      return plan;
    }
    return Plans.transformDown(plan, node -> {
      for (Entry e : entries) {
        if (e.id() != except && e.plan().equals(node)) {
          List<AttributeReference> fresh = new ArrayList<>();
          for (AttributeReference a : schemaOf.apply(e.plan())) {
            fresh.add(AttributeReference.create(a.name(), a.dataType(), a.nullable()));
          }
          CachedRelation cached = new CachedRelation(e.id(), e.plan(), fresh);
          return node instanceof PlanIdMarker m ? new PlanIdMarker(m.planId(), cached) : cached;
        }
      }
      return node;
    });
  }

  public boolean isMaterialized(long id) {
    return data.containsKey(id);
  }

  public void store(long id, List<byte[]> partitions) {
    if (entry(id).isPresent()) {
      data.put(id, List.copyOf(partitions));
    }
  }

  public Optional<List<byte[]>> partitionsIfMaterialized(long id) {
    return Optional.ofNullable(data.get(id));
  }

  /**
   * After a write to {@code qualifiedPath}: cached DataFrames that read files there keep their registration but
   * lose their data, and will be recomputed from {@code refresh(source)} — the plan with its files listed
   * again — on their next use (Spark's refresh by path).
   */
  public synchronized void invalidateReading(String qualifiedPath,
      java.util.function.UnaryOperator<LogicalPlan> refresh) {
    for (Entry e : new ArrayList<>(entries)) {
      if (readsUnder(e.source(), qualifiedPath)) {
        entries.set(entries.indexOf(e), new Entry(e.id(), e.plan(), e.storageLevel(), refresh.apply(e.source())));
        data.remove(e.id());
      }
    }
  }

  /** Whether a file relation of {@code plan} reads a file at or under {@code qualifiedPath}. */
  public static boolean readsUnder(LogicalPlan plan, String qualifiedPath) {
    String prefix = qualifiedPath.endsWith("/") ? qualifiedPath : qualifiedPath + "/";
    for (LogicalPlan n : Plans.collectNodes(plan)) {
      if (n instanceof dev.quiver.planner.logical.FileRelation f) {
        for (var file : f.source().files()) {
          if (file.path().equals(qualifiedPath) || file.path().startsWith(prefix)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  public List<byte[]> partitions(long id) {
    List<byte[]> p = data.get(id);
    if (p == null) {
      throw new IllegalStateException("Cached DataFrame " + id + " is not materialized");
    }
    return p;
  }

  public int partitionCount(long id) {
    List<byte[]> p = data.get(id);
    return p == null ? 1 : Math.max(1, p.size());
  }
}
