package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.lt;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InjectRuntimeFiltersTest {
  private static final long THRESHOLD = 10_000;

  private final Rule rule = new InjectRuntimeFilters(THRESHOLD);
  /** A big fact table: its key projection alone is estimated at 400 kB, over the threshold. */
  private final FileRelation fact = scan("k BIGINT, v DOUBLE, d INT", 1_000_000);
  private final AttributeReference k = col(fact, "k");
  private final AttributeReference v = col(fact, "v");
  private final AttributeReference d = col(fact, "d");
  private final LogicalPlan factRows = new Filter(gt(d, lit(0)), fact);
  /** A small dimension table with a selective filter: the creation side. */
  private final FileRelation dim = scan("id BIGINT, name STRING", 2_000);
  private final AttributeReference id = col(dim, "id");
  private final AttributeReference name = col(dim, "name");
  private final LogicalPlan dimKeys = new Project(list(id), new Filter(eq(name, lit("x")), dim));

  private final Alias key = alias(k, "key");
  private final Alias total = alias(AggregateCall.of(AggregateFunction.SUM, v), "total");

  private Aggregate totalsBy(LogicalPlan input) {
    return new Aggregate(list(k), list(key, total), input);
  }

  private static Optional<dev.quiver.planner.expressions.Expression> on(AttributeReference l, AttributeReference r) {
    return Optional.of(eq(l, r));
  }

  private LogicalPlan reducedFact() {
    return Join.on(factRows, dimKeys, JoinType.LEFT_SEMI, on(k, id));
  }

  @Test
  void filtersTheScanBelowAnAggregateOnTheJoinKey() {
    LogicalPlan plan = Join.on(totalsBy(factRows), dimKeys, JoinType.INNER, on(key.toAttribute(), id));

    LogicalPlan expected = Join.on(totalsBy(reducedFact()), dimKeys, JoinType.INNER, on(key.toAttribute(), id));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void findsTheCreationSideThroughTheKeysOfAJoinOnTheOtherSide() {
    // The other side's keys are its middle table's, which a semi join limits to the dimension's: the
    // dimension's keys filter the fact table (TPC-H Q20's partsupp, part and lineitem).
    FileRelation middle = scan("mk BIGINT, qty INT", 500_000);
    AttributeReference mk = col(middle, "mk");
    LogicalPlan otherSide = Join.on(middle, dimKeys, JoinType.LEFT_SEMI, on(mk, id));
    LogicalPlan plan = Join.on(otherSide, totalsBy(factRows), JoinType.INNER, on(mk, key.toAttribute()));

    LogicalPlan expected = Join.on(otherSide, totalsBy(reducedFact()), JoinType.INNER, on(mk, key.toAttribute()));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void followsTheKeyThroughProjectionsAndJoinsOnItsWay() {
    // The fact table is the smaller side of the join on the way: the join builds its table from the rows.
    FileRelation other = scan("ok BIGINT", 5_000_000);
    AttributeReference ok = col(other, "ok");
    Alias renamed = alias(k, "renamed");
    LogicalPlan side = new Project(list(renamed, v), Join.on(factRows, other, JoinType.LEFT_OUTER, on(k, ok)));
    LogicalPlan plan = Join.on(side, dimKeys, JoinType.INNER, on(renamed.toAttribute(), id));

    // Both sides of the outer join are shuffled: once the fact rows are reduced, their keys are the
    // dimension's, and the other side's rows without such a key, which the join drops, go at its scan.
    LogicalPlan expectedSide = new Project(list(renamed, v), Join.on(reducedFact(),
        Join.on(other, dimKeys, JoinType.LEFT_SEMI, on(ok, id)), JoinType.LEFT_OUTER, on(k, ok)));
    assertEquals(Join.on(expectedSide, dimKeys, JoinType.INNER, on(renamed.toAttribute(), id)), rule.apply(plan));
  }

  @Test
  void filtersABroadcastBuildSideThatIsOnlyTwiceTheCreationSide() {
    // TPC-H Q4's shape: orders of one quarter semi-joined with the lineitems they have; the lineitem side is
    // the smaller by the estimates, so the join builds its table of it, and the orders' keys shrink that table.
    FileRelation orders = scan("id BIGINT, name STRING, pad STRING", 9_000);
    AttributeReference orderId = col(orders, "id");
    LogicalPlan quarter = new Filter(eq(col(orders, "name"), lit("x")), orders);
    FileRelation lines = scan("lk BIGINT", 5_000);
    AttributeReference lk = col(lines, "lk");
    LogicalPlan plan = Join.on(quarter, lines, JoinType.LEFT_SEMI, on(orderId, lk));

    LogicalPlan keys = new Project(list(orderId), quarter);
    LogicalPlan expected = Join.on(quarter, Join.on(lines, keys, JoinType.LEFT_SEMI, on(lk, orderId)),
        JoinType.LEFT_SEMI, on(orderId, lk));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void notBelowTheBigSideOfAJoinWithASmallOne() {
    // TPC-H Q8's shape: the small side's probe drops most fact rows, more cheaply than the filter would.
    FileRelation small = scan("sk BIGINT", 5_000);
    AttributeReference sk = col(small, "sk");
    LogicalPlan side = Join.on(factRows, small, JoinType.INNER, on(k, sk));
    LogicalPlan plan = Join.on(side, dimKeys, JoinType.INNER, on(k, id));
    assertSame(plan, rule.apply(plan));
  }

  @Test
  void filtersAScanJoinedDirectlyOnlyWhenTheJoinShufflesBothSides() {
    // Broadcasting the dimension already filters the fact rows in the join's own probe.
    LogicalPlan broadcast = Join.on(factRows, dimKeys, JoinType.INNER, on(k, id));
    assertSame(broadcast, rule.apply(broadcast));

    // Both sides over the threshold: the join shuffles the fact rows unless they are filtered first.
    FileRelation bigDim = scan("id BIGINT, name STRING, pad STRING", 200_000);
    AttributeReference bigId = col(bigDim, "id");
    FileRelation small = scan("sid BIGINT, tag STRING", 2_000);
    AttributeReference sid = col(small, "sid");
    LogicalPlan smallKeys = new Project(list(sid), new Filter(eq(col(small, "tag"), lit("t")), small));
    LogicalPlan bigSide = Join.on(bigDim, smallKeys, JoinType.LEFT_SEMI, on(bigId, sid));
    LogicalPlan shuffled = Join.on(factRows, bigSide, JoinType.INNER, on(k, bigId));

    LogicalPlan expected = Join.on(Join.on(factRows, smallKeys, JoinType.LEFT_SEMI, on(k, sid)), bigSide,
        JoinType.INNER, on(k, bigId));
    assertEquals(expected, rule.apply(shuffled));
  }

  @Test
  void aScanReducedForAJoinAboveReducesTheScanItJoinsBelow() {
    // TPC-H Q7's shape: fact rows join orders, orders join customers, customers join the filtered nations.
    // The nations' keys reduce the customers (a first pass); those customers' keys then reduce the orders,
    // the build side of the fact rows' join (a second pass). The customers are not filtered by the keys of
    // their own reduced copy, which the orders' filter leads back to.
    FileRelation orders = scan("oid BIGINT, ocust BIGINT", 80_000);
    AttributeReference oid = col(orders, "oid");
    AttributeReference ocust = col(orders, "ocust");
    FileRelation customers = scan("cid BIGINT, cnation BIGINT", 10_000);
    AttributeReference cid = col(customers, "cid");
    AttributeReference cnation = col(customers, "cnation");
    LogicalPlan plan = Join.on(
        Join.on(Join.on(factRows, orders, JoinType.INNER, on(k, oid)), customers, JoinType.INNER, on(ocust, cid)),
        dimKeys, JoinType.INNER, on(cnation, id));

    LogicalPlan reducedCustomers = Join.on(customers, dimKeys, JoinType.LEFT_SEMI, on(cnation, id));
    LogicalPlan reducedOrders = Join.on(orders, new Project(list(cid), reducedCustomers), JoinType.LEFT_SEMI,
        on(ocust, cid));
    LogicalPlan expected = Join.on(
        Join.on(Join.on(factRows, reducedOrders, JoinType.INNER, on(k, oid)), reducedCustomers, JoinType.INNER,
            on(ocust, cid)),
        dimKeys, JoinType.INNER, on(cnation, id));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void aFilterIsNotStackedOnceItsCreationSideIsReducedInTurn() {
    // Both sides of the first join are over the threshold: the filtered middle scan's keys reduce the fact
    // rows. The dimension then reduces the middle scan, whose reduced keys estimate the same as its filtered
    // keys; the fact rows keep the one filter they have, rather than a second from the reduced copy.
    FileRelation middle = scan("a BIGINT, b BIGINT, tag STRING", 40_000);
    AttributeReference a = col(middle, "a");
    AttributeReference b = col(middle, "b");
    LogicalPlan filteredMiddle = new Filter(eq(col(middle, "tag"), lit("t")), middle);
    LogicalPlan plan = Join.on(Join.on(factRows, filteredMiddle, JoinType.INNER, on(k, a)), dimKeys,
        JoinType.INNER, on(b, id));

    LogicalPlan reducedFacts = Join.on(factRows, new Project(list(a), filteredMiddle), JoinType.LEFT_SEMI,
        on(k, a));
    LogicalPlan reducedMiddle = Join.on(filteredMiddle, dimKeys, JoinType.LEFT_SEMI, on(b, id));
    LogicalPlan expected = Join.on(Join.on(reducedFacts, reducedMiddle, JoinType.INNER, on(k, a)), dimKeys,
        JoinType.INNER, on(b, id));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void doesNotFilterAScanBelowAJoinWithTheSameKeys() {
    // TPC-H Q9's shape: the fact rows join the filtered dimension, then both sides are shuffled into a join
    // with a big table the dimension's keys reduce. The big table's keys lead back to the dimension's,
    // which the fact rows' own join applies already.
    LogicalPlan factSide = Join.on(dimKeys, factRows, JoinType.INNER, on(id, k));
    FileRelation big = scan("bk BIGINT, bv DOUBLE", 500_000);
    AttributeReference bk = col(big, "bk");
    LogicalPlan plan = Join.on(factSide, big, JoinType.INNER, on(k, bk));

    LogicalPlan expected = Join.on(factSide, Join.on(big, dimKeys, JoinType.LEFT_SEMI, on(bk, id)),
        JoinType.INNER, on(k, bk));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void filtersATinyScanAtTheBuildSidesRatio() {
    // TPC-H Q5's nations by its region: a tiny build side below the fact rows' join, only a few times the
    // creation side's estimate (4 kB of keys). The same shape with a scan over 16 kB needs the usual ten times.
    FileRelation regions = scan("rid BIGINT, rname STRING", 15_000);
    AttributeReference rid = col(regions, "rid");
    LogicalPlan regionKeys = new Project(list(rid), new Filter(eq(col(regions, "rname"), lit("x")), regions));
    for (long nationBytes : new long[] {9_000, 30_000}) {
      FileRelation nations = scan("nid BIGINT, nregion BIGINT, nname STRING", nationBytes);
      AttributeReference nid = col(nations, "nid");
      AttributeReference nregion = col(nations, "nregion");
      LogicalPlan plan = Join.on(Join.on(factRows, nations, JoinType.INNER, on(k, nid)), regionKeys,
          JoinType.INNER, on(nregion, rid));

      LogicalPlan reduced = Join.on(nations, regionKeys, JoinType.LEFT_SEMI, on(nregion, rid));
      LogicalPlan expected = nationBytes < 16_384
          ? Join.on(Join.on(factRows, reduced, JoinType.INNER, on(k, nid)), regionKeys, JoinType.INNER,
              on(nregion, rid))
          : plan;
      assertEquals(expected, rule.apply(plan), nationBytes + " bytes");
    }
  }

  @Test
  void onlyFiltersSidesWhoseUnmatchedRowsTheJoinDrops() {
    LogicalPlan leftOuter = Join.on(totalsBy(factRows), dimKeys, JoinType.LEFT_OUTER, on(key.toAttribute(), id));
    LogicalPlan fullOuter = Join.on(totalsBy(factRows), dimKeys, JoinType.FULL_OUTER, on(key.toAttribute(), id));
    LogicalPlan anti = Join.on(totalsBy(factRows), dimKeys, JoinType.LEFT_ANTI, on(key.toAttribute(), id));
    assertSame(leftOuter, rule.apply(leftOuter));
    assertSame(fullOuter, rule.apply(fullOuter));
    assertSame(anti, rule.apply(anti));

    LogicalPlan rightOuter = Join.on(totalsBy(factRows), dimKeys, JoinType.RIGHT_OUTER, on(key.toAttribute(), id));
    assertEquals(Join.on(totalsBy(reducedFact()), dimKeys, JoinType.RIGHT_OUTER, on(key.toAttribute(), id)),
        rule.apply(rightOuter));
  }

  @Test
  void needsASelectiveFilterOnTheCreationSide() {
    LogicalPlan notNullOnly = new Project(list(id), new Filter(new IsNotNull(id), dim));
    LogicalPlan plan = Join.on(totalsBy(factRows), notNullOnly, JoinType.INNER, on(key.toAttribute(), id));
    assertSame(plan, rule.apply(plan));
  }

  @Test
  void needsASmallCreationSideAndAMuchBiggerScan() {
    FileRelation wideDim = scan("id BIGINT, name STRING", 50_000);
    AttributeReference wideId = col(wideDim, "id");
    LogicalPlan overThreshold = new Project(list(wideId), new Filter(eq(col(wideDim, "name"), lit("x")), wideDim));
    LogicalPlan plan = Join.on(totalsBy(factRows), overThreshold, JoinType.INNER, on(key.toAttribute(), wideId));
    assertSame(plan, rule.apply(plan));

    // Over a tiny scan's size, 8.5 times the creation side's estimate (7 kB of which its keys are 2 kB); a
    // scan of a few kB is filtered at twice it (filtersATinyScanAtTheBuildSidesRatio).
    FileRelation smallFact = scan("k BIGINT, v DOUBLE, d INT", 17_000);
    AttributeReference sk = col(smallFact, "k");
    Alias smallKey = alias(sk, "key");
    LogicalPlan smallTotals = new Aggregate(list(sk),
        list(smallKey, alias(AggregateCall.of(AggregateFunction.SUM, col(smallFact, "v")), "total")), smallFact);
    FileRelation biggerDim = scan("id BIGINT, name STRING", 7_000);
    AttributeReference biggerId = col(biggerDim, "id");
    LogicalPlan biggerDimKeys = new Project(list(biggerId), new Filter(eq(col(biggerDim, "name"), lit("x")),
        biggerDim));
    LogicalPlan notWorthIt = Join.on(smallTotals, biggerDimKeys, JoinType.INNER,
        on(smallKey.toAttribute(), biggerId));
    assertSame(notWorthIt, rule.apply(notWorthIt));
  }

  @Test
  void stopsAtOperatorsThatAreNotRowByRowOrKeysThatAreComputed() {
    LogicalPlan limited = Join.on(totalsBy(new Limit(10, factRows)), dimKeys, JoinType.INNER,
        on(key.toAttribute(), id));
    assertSame(limited, rule.apply(limited));

    Alias doubled = alias(new BinaryArithmetic(ArithmeticOp.ADD, k, k), "doubled");
    LogicalPlan computed = Join.on(new Project(list(doubled), factRows), dimKeys, JoinType.INNER,
        on(doubled.toAttribute(), id));
    assertSame(computed, rule.apply(computed));

    // The aggregate's output column is not a group key: sum(v) compared to the dimension's key.
    Alias sumOfK = alias(AggregateCall.of(AggregateFunction.SUM, k), "sum_k");
    LogicalPlan notGrouped = Join.on(new Aggregate(list(d), list(sumOfK), factRows), dimKeys, JoinType.INNER,
        on(sumOfK.toAttribute(), id));
    assertSame(notGrouped, rule.apply(notGrouped));
  }

  @Test
  void leavesRandomFiltersAlone() {
    // rand() above the filter would be drawn for other rows; a copy of it as a creation side would keep others.
    ScalarFunction rand = new ScalarFunction("rand", list(lit(7)));
    LogicalPlan randomFacts = new Filter(lt(rand, lit(1)), factRows);
    LogicalPlan aboveRandom = Join.on(totalsBy(randomFacts), dimKeys, JoinType.INNER, on(key.toAttribute(), id));
    assertSame(aboveRandom, rule.apply(aboveRandom));

    // The keys below the random filter are a superset of those above it: the filter uses them instead.
    LogicalPlan selective = new Filter(eq(name, lit("x")), dim);
    LogicalPlan randomDims = new Project(list(id), new Filter(lt(rand, lit(1)), selective));
    LogicalPlan plan = Join.on(totalsBy(factRows), randomDims, JoinType.INNER, on(key.toAttribute(), id));
    LogicalPlan reduced = Join.on(factRows, new Project(list(id), selective), JoinType.LEFT_SEMI, on(k, id));
    assertEquals(Join.on(totalsBy(reduced), randomDims, JoinType.INNER, on(key.toAttribute(), id)),
        rule.apply(plan));
  }

  @Test
  void addsOneFilterWhereTwoJoinsWouldAddTheSame() {
    LogicalPlan lower = Join.on(totalsBy(factRows), dimKeys, JoinType.INNER, on(key.toAttribute(), id));
    LogicalPlan upper = Join.on(new Project(list(key.toAttribute(), total.toAttribute()), lower), dimKeys,
        JoinType.LEFT_SEMI, on(key.toAttribute(), id));

    LogicalPlan out = rule.apply(upper);
    long semiJoins = dev.quiver.planner.logical.Plans.collectNodes(out).stream()
        .filter(n -> n instanceof Join j && j.joinType() == JoinType.LEFT_SEMI && j.left() == factRows)
        .count();
    assertEquals(1, semiJoins, out.toString());
  }

  @Test
  void isOffWithANegativeThreshold() {
    LogicalPlan plan = Join.on(totalsBy(factRows), dimKeys, JoinType.INNER, on(key.toAttribute(), id));
    assertSame(plan, new InjectRuntimeFilters(-1).apply(plan));
  }
}
