package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.types.StructField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Filter directly over a scan, or over a Project that only selects and renames the scan's columns: the
 * filter's movable conjuncts rewritten over the scan's own columns, and how to rebuild the Filter over a
 * changed scan. Shared by the rules that use a filter at the scan while keeping the Filter itself.
 */
record ScanFilters(Filter filter, Project renames, FileRelation relation, List<Expression> conjuncts) {

  static Optional<ScanFilters> under(Filter f) {
    FileRelation relation;
    Project renames = null;
    if (f.child() instanceof FileRelation r) {
      relation = r;
    } else if (f.child() instanceof Project p && p.child() instanceof FileRelation r && onlyRenames(p)) {
      relation = r;
      renames = p;
    } else {
      return Optional.empty();
    }
    AliasSubstitution aliases = renames == null ? AliasSubstitution.of(List.of())
        : AliasSubstitution.of(renames.projectList());
    Set<ExprId> columns = AttributeIds.output(relation);
    List<Expression> conjuncts = new ArrayList<>();
    for (Expression c : Conjuncts.span(f.condition()).movable()) {
      Expression over = aliases.apply(c);
      if (AttributeIds.refersOnlyTo(over, columns)) {
        conjuncts.add(over);
      }
    }
    return Optional.of(new ScanFilters(f, renames, relation, conjuncts));
  }

  private static boolean onlyRenames(Project p) {
    for (Expression e : p.projectList()) {
      if (!(e instanceof AttributeReference || e instanceof Alias a && a.child() instanceof AttributeReference)) {
        return false;
      }
    }
    return true;
  }

  /** The ids of the relation's columns that are directory (partition) columns. */
  Set<ExprId> partitionColumns() {
    Set<String> names = new HashSet<>();
    for (StructField field : relation.source().partitionSchema().fieldList()) {
      names.add(field.name());
    }
    Set<ExprId> ids = new HashSet<>();
    for (AttributeReference a : relation.output()) {
      if (names.contains(a.name())) {
        ids.add(a.exprId());
      }
    }
    return ids;
  }

  /** The same Filter (and renaming Project) over {@code newRelation}; the original when it is unchanged. */
  LogicalPlan over(FileRelation newRelation) {
    if (newRelation.equals(relation)) {
      return filter;
    }
    LogicalPlan child = renames == null ? newRelation : new Project(renames.projectList(), newRelation);
    return new Filter(filter.condition(), child);
  }
}
