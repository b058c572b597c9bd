package dev.quiver.planner.explain;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanVisitor;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Logical plans as text, in the style of Spark's explain(true); unresolved nodes are marked with {@code '}. */
public final class LogicalPlanPrinter implements LogicalPlanVisitor<String> {
  private static final LogicalPlanPrinter INSTANCE = new LogicalPlanPrinter();

  private LogicalPlanPrinter() {}

  public static String print(LogicalPlan plan) {
    return TreeText.draw(skipMarkers(plan), p -> (p.resolved() ? "" : "'") + p.accept(INSTANCE),
        p -> p.children().stream().map(LogicalPlanPrinter::skipMarkers).toList());
  }

  /** Plan-id markers are an API detail, not something a reader of a plan needs to see. */
  private static LogicalPlan skipMarkers(LogicalPlan p) {
    LogicalPlan cur = p;
    while (cur instanceof PlanIdMarker m) {
      cur = m.child();
    }
    return cur;
  }

  static String attrs(List<AttributeReference> as) {
    return as.stream().map(PlanText::attr).collect(Collectors.joining(","));
  }

  private static String exprs(List<? extends Expression> es) {
    return es.stream().map(PlanText::expr).collect(Collectors.joining(", "));
  }

  @Override
  public String visitLocalRelation(LocalRelation r) {
    return r.resolved() ? "LocalRelation [" + exprs(r.output()) + "]" : "LocalRelation " + r.schema().simpleString();
  }

  @Override
  public String visitRange(Range r) {
    return "Range (" + r.start() + ", " + r.end() + ", step=" + r.step() + ", splits="
        + (r.numSlices() > 0 ? "Some(" + r.numSlices() + ")" : "None") + ")";
  }

  @Override
  public String visitFileRelation(FileRelation r) {
    String cols = r.output().isEmpty() ? r.source().fullSchema().simpleString() : "[" + attrs(r.output()) + "]";
    String pushed = r.pushedFilters().isEmpty() ? "" : ", PushedFilters: [" + exprs(r.pushedFilters()) + "]";
    return "Relation " + cols + " " + r.source().format() + pushed;
  }

  @Override
  public String visitCachedRelation(CachedRelation r) {
    return "InMemoryRelation [" + attrs(r.output()) + "], cache " + r.cacheId();
  }

  @Override
  public String visitProject(Project p) {
    return "Project [" + exprs(p.projectList()) + "]";
  }

  @Override
  public String visitFilter(Filter f) {
    return "Filter " + PlanText.expr(f.condition());
  }

  @Override
  public String visitAggregate(Aggregate a) {
    return "Aggregate [" + exprs(a.groupingExpressions()) + "], [" + exprs(a.aggregateExpressions()) + "]";
  }

  @Override
  public String visitJoin(Join j) {
    String s = "Join " + j.joinType().display();
    if (!j.usingColumns().isEmpty()) {
      s += ", UsingJoin(" + String.join(", ", j.usingColumns()) + ")";
    }
    return s + j.condition().map(c -> ", " + PlanText.expr(c)).orElse("");
  }

  @Override
  public String visitSort(Sort s) {
    return "Sort [" + exprs(s.order()) + "], " + s.global();
  }

  @Override
  public String visitLimit(Limit l) {
    return "Limit " + l.limit();
  }

  @Override
  public String visitUnion(Union u) {
    return "Union " + u.byName() + ", " + u.allowMissingColumns();
  }

  @Override
  public String visitDistinct(Distinct d) {
    return "Distinct";
  }

  @Override
  public String visitDeduplicate(Deduplicate d) {
    return "Deduplicate [" + exprs(d.keys()) + "]";
  }

  @Override
  public String visitSubqueryAlias(SubqueryAlias s) {
    return "SubqueryAlias " + s.alias();
  }

  @Override
  public String visitRepartition(Repartition r) {
    if (!r.partitionExpressions().isEmpty()) {
      return "RepartitionByExpression [" + exprs(r.partitionExpressions()) + "], " + r.numPartitions();
    }
    return "Repartition " + r.numPartitions() + ", " + r.shuffle();
  }

  @Override
  public String visitWindow(Window w) {
    return "Window [" + exprs(w.windowExpressions()) + "], [" + exprs(w.partitionSpec()) + "], ["
        + exprs(w.orderSpec()) + "]";
  }

  @Override
  public String visitPlanIdMarker(PlanIdMarker m) {
    return "PlanId " + m.planId();
  }

  @Override
  public String visitWithColumns(WithColumns w) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < w.names().size(); i++) {
      parts.add(PlanText.expr(w.columns().get(i)) + " AS " + w.names().get(i));
    }
    return "WithColumns [" + String.join(", ", parts) + "]";
  }

  @Override
  public String visitWithColumnsRenamed(WithColumnsRenamed w) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < w.existing().size(); i++) {
      parts.add(w.existing().get(i) + " -> " + w.newNames().get(i));
    }
    return "WithColumnsRenamed [" + String.join(", ", parts) + "]";
  }

  @Override
  public String visitDrop(Drop d) {
    List<String> parts = new ArrayList<>(d.names());
    for (Expression e : d.columns()) {
      parts.add(PlanText.expr(e));
    }
    return "Drop [" + String.join(", ", parts) + "]";
  }

}
