package dev.quiver.driver.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CacheManagerTest {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType, false)
      .add("name", DataTypes.StringType);

  private static LogicalPlan people(long planId) {
    return new PlanIdMarker(planId, LocalRelation.of(SCHEMA, List.of(List.of(1L, "a"), List.of(2L, "b"))));
  }

  private static LogicalPlan adults(LogicalPlan child, long planId) {
    return new PlanIdMarker(planId, new Filter(new Comparison(ComparisonOp.GT, UnresolvedAttribute.of("id"),
        Literal.of(1)), child));
  }

  private final List<LogicalPlan> analyzed = new ArrayList<>();

  /** Stands in for the analyzer: the cached plan's columns, counting how often it is asked. */
  private final Function<LogicalPlan, List<AttributeReference>> schemaOf = p -> {
    analyzed.add(p);
    return List.of(AttributeReference.create("id", DataTypes.LongType, false),
        AttributeReference.create("name", DataTypes.StringType, true));
  };

  @Test
  void registerIsIdempotentByPlanEquality() {
    CacheManager cache = new CacheManager();
    long a = cache.register(people(1), "MEMORY_AND_DISK");
    long again = cache.register(people(1), "MEMORY_ONLY"); // an equal, separately built plan
    assertEquals(a, again);
    assertEquals("MEMORY_AND_DISK", cache.entry(a).orElseThrow().storageLevel());
    long other = cache.register(people(2), "MEMORY_AND_DISK");
    assertNotEquals(a, other);
    assertTrue(cache.lookup(people(1)).isPresent());
    assertFalse(cache.lookup(people(3)).isPresent());
    assertFalse(cache.isEmpty());
  }

  @Test
  void substituteReplacesTheCachedSubtreeAndKeepsThePlanIdMarker() {
    CacheManager cache = new CacheManager();
    long id = cache.register(people(1), "MEMORY_AND_DISK");
    LogicalPlan query = adults(people(1), 5);
    LogicalPlan out = cache.substitute(query, schemaOf, -1);

    PlanIdMarker top = assertInstanceOf(PlanIdMarker.class, out);
    assertEquals(5, top.planId());
    Filter filter = assertInstanceOf(Filter.class, top.child());
    PlanIdMarker marker = assertInstanceOf(PlanIdMarker.class, filter.child());
    assertEquals(1, marker.planId(), "df.col(...) of the cached DataFrame must still resolve");
    CachedRelation cached = assertInstanceOf(CachedRelation.class, marker.child());
    assertEquals(id, cached.cacheId());
    assertEquals(people(1), cached.plan());
    assertEquals(List.of("id", "name"), cached.output().stream().map(AttributeReference::name).toList());
    assertEquals(List.of(DataTypes.LongType, DataTypes.StringType),
        cached.output().stream().map(AttributeReference::dataType).toList());
    assertFalse(cached.output().get(0).nullable());
    assertEquals(1, analyzed.size());
  }

  @Test
  void eachSubstitutionGetsFreshAttributes() {
    CacheManager cache = new CacheManager();
    cache.register(people(1), "MEMORY_AND_DISK");
    CachedRelation a = findCached(cache.substitute(people(1), schemaOf, -1));
    CachedRelation b = findCached(cache.substitute(people(1), schemaOf, -1));
    assertNotEquals(a.output().get(0).exprId(), b.output().get(0).exprId());
  }

  @Test
  void aPlanWithoutMarkerIsReplacedByTheBareRelation() {
    CacheManager cache = new CacheManager();
    LogicalPlan bare = LocalRelation.of(SCHEMA, List.of(List.of(1L, "a")));
    long id = cache.register(bare, "MEMORY_AND_DISK");
    LogicalPlan out = cache.substitute(bare, schemaOf, -1);
    assertEquals(id, assertInstanceOf(CachedRelation.class, out).cacheId());
  }

  @Test
  void theExcludedCacheIsLeftAlone() {
    CacheManager cache = new CacheManager();
    long id = cache.register(people(1), "MEMORY_AND_DISK");
    LogicalPlan plan = people(1);
    assertSame(plan, cache.substitute(plan, schemaOf, id));
    assertTrue(analyzed.isEmpty());
  }

  @Test
  void anInnerCacheIsStillUsedWhenMaterializingAnOuterOne() {
    CacheManager cache = new CacheManager();
    long inner = cache.register(people(1), "MEMORY_AND_DISK");
    LogicalPlan outerPlan = adults(people(1), 2);
    long outer = cache.register(outerPlan, "MEMORY_AND_DISK");
    // Materializing the outer cache reads the inner one.
    LogicalPlan out = cache.substitute(outerPlan, schemaOf, outer);
    assertEquals(inner, findCached(out).cacheId());
    assertInstanceOf(PlanIdMarker.class, out);
    assertInstanceOf(Filter.class, ((PlanIdMarker) out).child());
    // Any other query uses the outer cache directly.
    assertEquals(outer, findCached(cache.substitute(outerPlan, schemaOf, -1)).cacheId());
  }

  @Test
  void plansWithoutCachedPartsAreReturnedAsIs() {
    CacheManager cache = new CacheManager();
    LogicalPlan plan = people(9);
    assertSame(plan, cache.substitute(plan, schemaOf, -1));
    cache.register(people(1), "MEMORY_AND_DISK");
    LogicalPlan unchanged = cache.substitute(plan, schemaOf, -1);
    assertEquals(plan, unchanged);
    assertTrue(Plans.collectNodes(unchanged).stream().noneMatch(n -> n instanceof CachedRelation));
  }

  @Test
  void unregisterForgetsThePlanAndItsData() {
    CacheManager cache = new CacheManager();
    long id = cache.register(people(1), "MEMORY_AND_DISK");
    cache.store(id, List.of(new byte[] {1}, new byte[] {2}));
    assertTrue(cache.isMaterialized(id));
    assertEquals(2, cache.partitionCount(id));
    assertTrue(cache.unregister(people(1)));
    assertFalse(cache.unregister(people(1)));
    assertFalse(cache.isMaterialized(id));
    assertTrue(cache.entry(id).isEmpty());
    assertTrue(cache.isEmpty());
    LogicalPlan plan = adults(people(1), 5);
    assertSame(plan, cache.substitute(plan, schemaOf, -1));
    // A new registration of the same plan is a new cache.
    assertNotEquals(id, cache.register(people(1), "MEMORY_AND_DISK"));
  }

  @Test
  void storeAndPartitions() {
    CacheManager cache = new CacheManager();
    long id = cache.register(people(1), "MEMORY_AND_DISK");
    assertFalse(cache.isMaterialized(id));
    assertEquals(1, cache.partitionCount(id), "unmaterialized caches plan as one partition");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.partitions(id));
    assertTrue(e.getMessage().contains("not materialized"), e.getMessage());
    List<byte[]> parts = new ArrayList<>(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
    cache.store(id, parts);
    parts.clear();
    assertEquals(3, cache.partitions(id).size());
    assertEquals(3, cache.partitionCount(id));
    cache.store(id + 100, List.of(new byte[] {1}));
    assertFalse(cache.isMaterialized(id + 100), "data of an unknown (unregistered) cache is dropped");
  }

  @Test
  void clearForgetsEverything() {
    CacheManager cache = new CacheManager();
    long id = cache.register(people(1), "MEMORY_AND_DISK");
    cache.store(id, List.of(new byte[0]));
    cache.clear();
    assertTrue(cache.isEmpty());
    assertFalse(cache.isMaterialized(id));
    assertNotSame(null, cache.lookup(people(1)));
    assertTrue(cache.lookup(people(1)).isEmpty());
  }

  private static CachedRelation findCached(LogicalPlan plan) {
    return Plans.collectNodes(plan).stream().filter(n -> n instanceof CachedRelation).map(n -> (CachedRelation) n)
        .findFirst().orElseThrow(() -> new AssertionError("no CachedRelation in " + plan));
  }
}
