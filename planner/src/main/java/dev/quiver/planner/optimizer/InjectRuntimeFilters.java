package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.Selectivity;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.SizeEstimator;
import dev.quiver.planner.logical.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Semi-join reduction, the runtime filter of Spark's InjectRuntimeFilter in its semi-join form: a join on
 * {@code x = y} drops the rows of one side (the application side) whose {@code x} has no match, so when the
 * values of {@code y} come from a small scan with a selective filter, or from a scan a semi join limits to
 * such a scan's keys (the creation side), the application side's scan can drop those rows at once, by a left
 * semi join against the creation side's keys, below the aggregates and joins that would otherwise process
 * them. The creation side is found through projections, filters, group keys and the equi-join keys of inner
 * and semi joins (the key values of a join's output are among those of each side it must match); the
 * application side's key is followed down through projections, filters, sorts, the group keys of aggregates
 * and the side of a join it comes from, to a scan.
 *
 * <p>The filter is only injected where it saves work. The creation side must fit the broadcast threshold (so
 * the semi join is a broadcast hash join in the scan's pipeline). The scan must be a join's broadcast build
 * side at least twice the creation side's size (the filter shrinks the table, as TPC-H Q4's lineitem keys
 * for 57k orders); or ten times it, with the key passing on its way down an aggregate, a join from that
 * join's smaller side (the side it builds a table of) or a join shuffling both sides, or with the join itself
 * shuffling both sides; a tiny scan (a few kB) at twice it wherever a filter may pay. A scan that is a
 * broadcast join's probe side is not filtered: that join's own probe filters it already (and may be the more
 * selective), as is a scan below an inner join with the creation side's own keys. The result is unchanged in
 * every case: only rows the join would drop are dropped.
 *
 * <pre>
 * Join Inner (ps_partkey = agg_partkey)          Join Inner (ps_partkey = agg_partkey)
 * :- Join LeftSemi (ps_partkey = p_partkey)      :- Join LeftSemi (ps_partkey = p_partkey)
 * :  :- Relation partsupp                        :  :- ...
 * :  +- Project [p_partkey]                      :  +- Project [p_partkey] ...
 * :     +- Filter startswith(p_name, forest)     +- Aggregate [l_partkey], [l_partkey AS agg_partkey, ...]
 * :        +- Relation part                  =>     +- Join LeftSemi (l_partkey = p_partkey)
 * +- Aggregate [l_partkey], [...]                      :- Relation lineitem
 *    +- Relation lineitem                              +- Project [p_partkey]
 *                                                         +- Filter startswith(p_name, forest)
 *                                                            +- Relation part
 * </pre>
 */
public final class InjectRuntimeFilters implements Rule {
  /**
   * How many times larger than the creation side (in estimated bytes) the scan must be: the estimates do not
   * know how selective the filters are, so a creation side of the same order as the scan would be a big
   * table's keys filtering another big table.
   */
  private static final int MIN_REDUCTION = 10;
  /**
   * The same for a join's build side, which the filter shrinks (its table and what it broadcasts) at the cost
   * of one probe per row: worth it at a lower ratio.
   */
  private static final int MIN_BUILD_REDUCTION = 2;
  /** No filter: it would save nothing. */
  private static final int NEVER = 0;
  /**
   * Estimated bytes of a scan small enough to filter at the build side's ratio wherever a filter may pay: it
   * costs next to nothing, and the scan it reduces is a creation side for the bigger ones it joins (TPC-H Q5's
   * nations of Asia, by a 25-row table's estimate only 7 times the region's key, reduce its customers).
   */
  private static final long TINY_SCAN = 16 * 1024;
  /** Enough for a reduced scan to reduce another that reduces a third (orders by customers by nations). */
  private static final int MAX_PASSES = 4;

  private final long creationSideThreshold;

  /** {@code creationSideThreshold}: the largest creation side, in estimated bytes; negative turns it off. */
  public InjectRuntimeFilters(long creationSideThreshold) {
    this.creationSideThreshold = creationSideThreshold;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (creationSideThreshold < 0) {
      return plan;
    }
    // Bottom-up, so within a pass the semi joins a join adds are not visited again as joins of their own. A
    // scan reduced by a join higher up is a creation side only for the passes after (TPC-H Q7's customers of
    // two nations reduce its orders), so the passes repeat until one adds no filter, at most MAX_PASSES. A
    // filter is not added again where the same creation side filters the scan already, nor made of the scan
    // it would filter.
    LogicalPlan current = plan;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      LogicalPlan next = Plans.transformUp(current, node -> node instanceof Join j ? inject(j) : node);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  /**
   * A small, selectively filtered scan's {@code key} column, whose values bound a join side's keys; {@code
   * reduced} when the scan is itself reduced by a semi join.
   */
  private record Creation(LogicalPlan plan, AttributeReference key, long size, boolean reduced) {}

  private LogicalPlan inject(Join j) {
    if (j.condition().isEmpty()) {
      return j;
    }
    Set<ExprId> leftIds = AttributeIds.output(j.left());
    Set<ExprId> rightIds = AttributeIds.output(j.right());
    long leftSize = SizeEstimator.estimate(j.left());
    long rightSize = SizeEstimator.estimate(j.right());
    boolean shuffled = leftSize > creationSideThreshold && rightSize > creationSideThreshold;
    LogicalPlan left = j.left();
    LogicalPlan right = j.right();
    for (Expression c : Expressions.splitConjuncts(j.condition().get())) {
      if (!(c instanceof Comparison cmp) || cmp.op() != ComparisonOp.EQ
          || !(cmp.left() instanceof AttributeReference a) || !(cmp.right() instanceof AttributeReference b)
          || !a.dataType().equals(b.dataType())) {
        continue;
      }
      AttributeReference l = leftIds.contains(a.exprId()) ? a : b;
      AttributeReference r = l == a ? b : a;
      if (!leftIds.contains(l.exprId()) || !rightIds.contains(r.exprId())) {
        continue;
      }
      if (!j.joinType().preservesLeft()) {
        left = reduce(left, l, j.right(), r, minReduction(builds(leftSize, rightSize), shuffled));
      }
      if (!j.joinType().preservesRight()) {
        right = reduce(right, r, j.left(), l, minReduction(builds(rightSize, leftSize), shuffled));
      }
    }
    if (left == j.left() && right == j.right()) {
      return j;
    }
    return new Join(left, right, j.joinType(), j.condition(), j.usingColumns());
  }

  /**
   * How much bigger than the creation side a scan directly below the join on this side must be to be filtered:
   * a broadcast build side at a lower ratio; the probe side of a broadcast join never (the join's own probe
   * filters it); either side of a join that shuffles both at the usual ratio.
   */
  private static int minReduction(boolean broadcastBuild, boolean shuffled) {
    if (broadcastBuild) {
      return MIN_BUILD_REDUCTION;
    }
    return shuffled ? MIN_REDUCTION : NEVER;
  }

  /**
   * Whether a join side is small enough to be broadcast and the smaller side. A semi or anti join
   * builds its right side even when it is the bigger one (TPC-H Q22's orders for 42k customers): that side is
   * not filtered, as filtering it measured slower there (the creation side's scan runs once more and a quarter
   * of the rows pass).
   */
  private boolean builds(long sideSize, long otherSize) {
    return sideSize <= creationSideThreshold && sideSize <= otherSize;
  }

  private LogicalPlan reduce(LogicalPlan side, AttributeReference key, LogicalPlan other, AttributeReference otherKey,
      int minReduction) {
    List<Creation> found = new ArrayList<>();
    creations(other, otherKey, found);
    Creation best = null;
    for (Creation c : found) {
      // Of equal estimates, a filtered scan before a reduced one: a reduced scan's estimate is its scan's, and
      // taking it where the scan's own keys filter already would stack a second filter on the first.
      if (c.size() <= creationSideThreshold && (best == null || c.size() < best.size()
          || c.size() == best.size() && best.reduced() && !c.reduced())) {
        best = c;
      }
    }
    if (best == null) {
      return side;
    }
    LogicalPlan reduced = reduceScan(side, key, best, minReduction);
    return reduced == null ? side : reduced;
  }

  /**
   * {@code node} with its scan reduced to the rows whose {@code key} the creation side holds, or null when
   * the key cannot be followed to a scan or the filter would not save work there: the scan must be {@code
   * minReduction} times the creation side's size ({@link #NEVER}: not at all).
   */
  private LogicalPlan reduceScan(LogicalPlan node, AttributeReference key, Creation creation, int minReduction) {
    if (isScanChain(node)) {
      long size = SizeEstimator.estimate(node);
      int needed = size <= TINY_SCAN && minReduction != NEVER ? MIN_BUILD_REDUCTION : minReduction;
      if (needed == NEVER || size < (long) needed * creation.size()
          || readsScanOf(creation.plan(), node)) {
        return null;
      }
      Expression condition = new Comparison(ComparisonOp.EQ, key, creation.key());
      return Join.on(node, creation.plan(), JoinType.LEFT_SEMI, Optional.of(condition));
    }
    if (!isDeterministic(node)) {
      // A random filter or value would see other rows with the filter below it.
      return null;
    }
    if (node instanceof Filter || node instanceof Sort) {
      return withChild(node, 0, reduceScan(node.children().get(0), key, creation, minReduction));
    }
    if (node instanceof Project p) {
      AttributeReference below = sourceAttribute(p.projectList(), key);
      return below == null ? null : withChild(p, 0, reduceScan(p.child(), below, creation, minReduction));
    }
    if (node instanceof Aggregate a) {
      AttributeReference below = sourceAttribute(a.aggregateExpressions(), key);
      if (below == null || !isGroupingAttribute(a, below)) {
        return null;
      }
      return withChild(a, 0, reduceScan(a.child(), below, creation, crossed(minReduction)));
    }
    if (node instanceof Join j) {
      if (isSameFilter(j, key, creation) || joinsOnCreationKeys(j, key, creation)) {
        return null;
      }
      // Any join type: a dropped row takes only its own output rows with it, and the rows of the other side
      // it was the only match of come out null-extended, with a null key the join above drops as well.
      int side = AttributeIds.output(j.left()).contains(key.exprId()) ? 0 : 1;
      LogicalPlan branch = j.children().get(side);
      int below = pays(j, branch) ? crossed(minReduction) : minReduction;
      return withChild(j, side, reduceScan(branch, key, creation, below));
    }
    return null;
  }

  /**
   * Whether filtering {@code branch} of {@code j} first saves work in {@code j}: when the branch is the smaller
   * side, which the join builds its table from (the other side is then filtered by the join itself, as the
   * filter would), or when both sides are shuffled. Not below the big side of a join with a small one: that
   * join's probe of its small table is cheaper than the filter's, and may well be the more selective.
   */
  private boolean pays(Join j, LogicalPlan branch) {
    if (j.joinType() == JoinType.LEFT_SEMI || j.joinType() == JoinType.LEFT_ANTI) {
      return false;
    }
    long ours = SizeEstimator.estimate(branch);
    long theirs = SizeEstimator.estimate(branch == j.left() ? j.right() : j.left());
    return ours <= theirs || ours > creationSideThreshold && theirs > creationSideThreshold;
  }

  /**
   * Whether the creation side reads the very scan it would filter (not another of the same table): its keys
   * are those of the scan's own rows under the same or more filters, which the scan gets by itself. Such
   * a creation side is found through a filter added before, as the customers of two nations are through the
   * semi join that reduced them.
   */
  private static boolean readsScanOf(LogicalPlan creation, LogicalPlan scanChain) {
    LogicalPlan scan = belowFiltersAndProjects(scanChain);
    for (LogicalPlan n : Plans.collectNodes(creation)) {
      if (n.equals(scan)) {
        return true;
      }
    }
    return false;
  }

  /** The ratio needed once the key passed an operator the filter saves work in. */
  private static int crossed(int minReduction) {
    return minReduction == NEVER ? MIN_REDUCTION : minReduction;
  }

  /** Whether {@code j} is the semi join this filter would add (a join higher up added it already). */
  private static boolean isSameFilter(Join j, AttributeReference key, Creation creation) {
    return j.joinType() == JoinType.LEFT_SEMI && j.right().equals(creation.plan())
        && j.condition().equals(Optional.of(new Comparison(ComparisonOp.EQ, key, creation.key())));
  }

  /**
   * Whether {@code j} drops the rows whose {@code key} the creation side lacks by itself: an inner join on
   * {@code key} whose other side holds the same creation side's keys (TPC-H Q9's lineitem below its join with
   * the green parts, which the parts of partsupp lead back to).
   */
  private static boolean joinsOnCreationKeys(Join j, AttributeReference key, Creation creation) {
    if (j.joinType() != JoinType.INNER) {
      return false;
    }
    boolean keyInLeft = AttributeIds.output(j.left()).contains(key.exprId());
    LogicalPlan other = keyInLeft ? j.right() : j.left();
    for (AttributeReference partner : partnersAcross(j, key, keyInLeft)) {
      List<Creation> found = new ArrayList<>();
      creations(other, partner, found);
      for (Creation f : found) {
        if (f.plan().equals(creation.plan())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The columns of the side of {@code j} without {@code key} that its condition equates with {@code key} (of
   * the same type): their values in the join's output are {@code key}'s.
   */
  private static List<AttributeReference> partnersAcross(Join j, AttributeReference key, boolean keyInLeft) {
    List<AttributeReference> out = new ArrayList<>();
    if (j.condition().isEmpty()) {
      return out;
    }
    Set<ExprId> leftIds = AttributeIds.output(j.left());
    for (Expression c : Expressions.splitConjuncts(j.condition().get())) {
      if (c instanceof Comparison cmp && cmp.op() == ComparisonOp.EQ
          && cmp.left() instanceof AttributeReference a && cmp.right() instanceof AttributeReference b
          && a.dataType().equals(b.dataType())) {
        AttributeReference partner = a.exprId().equals(key.exprId()) ? b
            : b.exprId().equals(key.exprId()) ? a : null;
        if (partner != null && leftIds.contains(partner.exprId()) != keyInLeft) {
          out.add(partner);
        }
      }
    }
    return out;
  }

  private static LogicalPlan withChild(LogicalPlan node, int index, LogicalPlan child) {
    if (child == null) {
      return null;
    }
    List<LogicalPlan> children = new ArrayList<>(node.children());
    children.set(index, child);
    return node.withChildren(children);
  }

  /**
   * Adds to {@code out} the selectively filtered scans whose {@code key} values include every value of
   * {@code key} in {@code node}'s output.
   */
  private static void creations(LogicalPlan node, AttributeReference key, List<Creation> out) {
    if (isScanChain(node)) {
      if (hasSelectiveFilter(node)) {
        out.add(creation(node, key, false));
      }
      return;
    }
    if (isReducedScan(node)) {
      out.add(creation(node, key, true));
    }
    if (node instanceof Filter || node instanceof Sort) {
      creations(node.children().get(0), key, out);
    } else if (node instanceof Project p) {
      AttributeReference below = sourceAttribute(p.projectList(), key);
      if (below != null) {
        creations(p.child(), below, out);
      }
    } else if (node instanceof Aggregate a) {
      AttributeReference below = sourceAttribute(a.aggregateExpressions(), key);
      if (below != null && isGroupingAttribute(a, below)) {
        creations(a.child(), below, out);
      }
    } else if (node instanceof Join j) {
      boolean inLeft = AttributeIds.output(j.left()).contains(key.exprId());
      creations(inLeft ? j.left() : j.right(), key, out);
      if (inLeft ? j.joinType().preservesLeft() : j.joinType().preservesRight()) {
        return;
      }
      for (AttributeReference partner : partnersAcross(j, key, inLeft)) {
        creations(inLeft ? j.right() : j.left(), partner, out);
      }
    }
  }

  private static Creation creation(LogicalPlan node, AttributeReference key, boolean reduced) {
    LogicalPlan keys = node.output().size() == 1 ? node : new Project(List.of(key), node);
    return new Creation(keys, key, SizeEstimator.estimate(keys), reduced);
  }

  /**
   * Whether {@code node}'s rows are those of a scan that a semi join limits to the keys of a selectively
   * filtered scan, or of another such reduced scan: they are likely few, as a filtered scan's are, whatever
   * column of them is the key (the customers of some nations, keyed by customer). Inner joins are not
   * taken as such: with TPC-H's (Q8's nations of one region, Q20's suppliers of one nation) reducing the
   * other scans measured no faster in Q8 and slower in Q20, whose other filters were the more selective.
   */
  private static boolean isReducedScan(LogicalPlan node) {
    if (!(node instanceof Join j) || j.joinType() != JoinType.LEFT_SEMI || j.condition().isEmpty()
        || !isDeterministic(j) || !(isScanChain(j.left()) || isReducedScan(j.left()))) {
      return false;
    }
    LogicalPlan keys = belowFiltersAndProjects(j.right());
    return keys instanceof FileRelation ? hasSelectiveFilter(j.right()) : isReducedScan(keys);
  }

  /** The input attribute a named expression list passes through (maybe renamed) as {@code key}, or null. */
  private static AttributeReference sourceAttribute(List<Expression> named, AttributeReference key) {
    for (Expression e : named) {
      if (e instanceof AttributeReference a && a.exprId().equals(key.exprId())) {
        return a;
      }
      if (e instanceof Alias alias && alias.exprId().equals(key.exprId())) {
        return alias.child() instanceof AttributeReference a ? a : null;
      }
    }
    return null;
  }

  private static boolean isGroupingAttribute(Aggregate a, AttributeReference attribute) {
    for (Expression g : a.groupingExpressions()) {
      if (g instanceof AttributeReference ga && ga.exprId().equals(attribute.exprId())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deterministic filters and projections over a file scan (a copy of a random filter as a creation side
   * would keep other rows than the original).
   */
  private static boolean isScanChain(LogicalPlan node) {
    return belowFiltersAndProjects(node) instanceof FileRelation;
  }

  /** The first node below {@code node}'s deterministic filters and projections. */
  private static LogicalPlan belowFiltersAndProjects(LogicalPlan node) {
    LogicalPlan n = node;
    while ((n instanceof Filter || n instanceof Project) && isDeterministic(n)) {
      n = n.children().get(0);
    }
    return n;
  }

  private static boolean isDeterministic(LogicalPlan node) {
    for (Expression e : node.expressions()) {
      if (!e.deterministic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasSelectiveFilter(LogicalPlan chain) {
    for (LogicalPlan n = chain; !(n instanceof FileRelation); n = n.children().get(0)) {
      if (n instanceof Filter f && Selectivity.isLikelySelective(f.condition())) {
        return true;
      }
    }
    return false;
  }
}
