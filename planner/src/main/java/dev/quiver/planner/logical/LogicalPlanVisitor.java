package dev.quiver.planner.logical;

/** One method per logical plan node, no default: a new node breaks the compile of every walk. */
public interface LogicalPlanVisitor<R> {
  R visitLocalRelation(LocalRelation localRelation);

  R visitRange(Range range);

  R visitFileRelation(FileRelation fileRelation);

  R visitCachedRelation(CachedRelation cachedRelation);

  R visitProject(Project project);

  R visitFilter(Filter filter);

  R visitAggregate(Aggregate aggregate);

  R visitJoin(Join join);

  R visitSort(Sort sort);

  R visitLimit(Limit limit);

  R visitUnion(Union union);

  R visitDistinct(Distinct distinct);

  R visitDeduplicate(Deduplicate deduplicate);

  R visitSubqueryAlias(SubqueryAlias subqueryAlias);

  R visitRepartition(Repartition repartition);

  R visitWindow(Window window);

  R visitPlanIdMarker(PlanIdMarker planIdMarker);

  R visitWithColumns(WithColumns withColumns);

  R visitWithColumnsRenamed(WithColumnsRenamed withColumnsRenamed);

  R visitDrop(Drop drop);
}
