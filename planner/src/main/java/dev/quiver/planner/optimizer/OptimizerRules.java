package dev.quiver.planner.optimizer;

import java.util.List;

/**
 * The ordered registry of optimizer rules. Ordering constraints are commented where they exist; within the
 * fixed-point batch the order only decides how many iterations a plan takes, except where noted.
 */
public final class OptimizerRules {
  private OptimizerRules() {}

  public static List<RuleBatch> batches(OptimizerContext context) {
    return List.of(finishAnalysis(context), operatorOptimization(context), joinSidePredicates(),
        pushJoinSidePredicates(), eagerAggregation(), runtimeFilters(context), scan());
  }

  /**
   * Once, first: removes what only served analysis and replaces operators the later rules do not handle.
   * It must run before the operator batch: the operator rules see no markers, aliases, Distinct or
   * Deduplicate (they would stand between operators that must be adjacent for a rule to match), and
   * current_date/current_timestamp are not foldable until replaced by the query's start time.
   */
  static RuleBatch finishAnalysis(OptimizerContext context) {
    return new RuleBatch("Finish analysis", false, List.of(
        new RemovePlanIdMarkers(),
        new EliminateSubqueryAliases(),
        new ComputeCurrentTime(context),
        new ReplaceDeduplicateWithAggregate(),
        new ReplaceDistinctWithAggregate()));
  }

  /** To a fixed point: moves filters and limits down, removes columns and dead operators, folds constants. */
  static RuleBatch operatorOptimization(OptimizerContext context) {
    return new RuleBatch("Operator optimization", true, List.of(
        // Filters first: later rules in the iteration (pruning, collapsing) then see filters at their final
        // place, and pruned columns include what the pushed filters read.
        new PushDownPredicates(),
        // After pushing, which stacks filters on top of each other at the place they stop.
        new CombineFilters(),
        // After the two above, so that user filters already sit on the join sides and imply their keys
        // are non-null (no redundant IsNotNull is added); the inferred filters move down next iteration.
        new InferFiltersFromJoinKeys(),
        // Through the Project first, so the limit is directly over the Union or Join it goes into.
        new PushLimitThroughProject(),
        new PushLimitIntoUnion(),
        new PushLimitThroughJoin(),
        // After the pushes, which put a limit over an input that may already have one.
        new CombineLimits(),
        new EliminateLimits(),
        new PruneColumns(),
        // After PruneColumns, which inserts Projects over Projects; merging them keeps one per place.
        new CollapseProject(),
        // After CollapseProject: a merged Project may turn out to pass its input through unchanged.
        new RemoveRedundantProject(),
        new SimplifyCasts(),
        new FoldConstants(context.evaluator()),
        // After folding, which may turn a LIKE's pattern into the literal this rule needs.
        new LikeSimplification(),
        // After folding, which turns constant comparisons into the literals these identities match.
        new SimplifyBooleans(),
        // After SimplifyBooleans, which reduces conditions to a literal true or false.
        new PruneFilters(),
        // After PruneFilters, whose false filters become the empty relations this rule propagates.
        new PropagateEmptyRelation()));
  }

  /**
   * Once, after the operator batch: by then every filter over both sides of a join has become part of its
   * condition, which is where PushExtraPredicateThroughJoin looks. Once only: the filters it adds move down
   * and are not recognisable as derived afterwards, so a fixed-point batch would add them again each time.
   */
  static RuleBatch joinSidePredicates() {
    return new RuleBatch("Join side predicates", false, List.of(new PushExtraPredicateThroughJoin()));
  }

  /** To a fixed point: moves the filters the batch before added to the join sides down to the scans. */
  static RuleBatch pushJoinSidePredicates() {
    return new RuleBatch("Push join side predicates", true, List.of(
        new PushDownPredicates(),
        new CombineFilters()));
  }

  /**
   * Once, after the filters have reached the join sides (the right side's size estimate and its filters are
   * final) and before runtime filters, which then see the aggregated side as it will run.
   */
  static RuleBatch eagerAggregation() {
    return new RuleBatch("Eager aggregation", false, List.of(new CountBelowOuterJoin()));
  }

  /**
   * Once, after every filter has reached its place and before the scan batch: the creation sides it copies
   * are final, and the semi joins it adds then get their scans' filters pushed like any other.
   */
  static RuleBatch runtimeFilters(OptimizerContext context) {
    return new RuleBatch("Runtime filters", false,
        List.of(new InjectRuntimeFilters(context.runtimeFilterCreationSideThreshold())));
  }

  /**
   * Once, last: uses the filters where they finally stand. It must follow the operator batch: a filter
   * must have been pushed down onto the scan, and the scan's columns pruned, before it is known which
   * conjuncts the scan can use. PrunePartitions goes first so that PushFiltersIntoScan sees the final scan.
   */
  static RuleBatch scan() {
    return new RuleBatch("Scan", false, List.of(
        new PrunePartitions(),
        new PushFiltersIntoScan()));
  }
}
