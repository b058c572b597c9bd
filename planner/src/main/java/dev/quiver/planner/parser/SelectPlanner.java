package dev.quiver.planner.parser;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Sort;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the plan of one SELECT and its ORDER BY from operators the analyzer resolves: Filter for WHERE;
 * Project, or Aggregate when the query groups or aggregates; Filter for HAVING; Distinct; Sort; and a Drop
 * of the hidden columns that HAVING and ORDER BY needed (see {@link AggregateRewriter}).
 */
final class SelectPlanner {
  private SelectPlanner() {}

  static LogicalPlan plan(SelectCore core, List<SortOrder> order, boolean globalSort) {
    LogicalPlan input = core.from() == null ? oneRow() : core.from();
    if (core.where() != null) {
      input = new Filter(core.where(), input);
    }
    SelectList select = new SelectList(core.items());
    boolean aggregate = core.groupBy() != null || core.groupByAll() || core.having() != null
        || core.items().stream().anyMatch(Aggregates::containsAggregate);
    return aggregate ? aggregation(core, select, input, order, globalSort)
        : projection(core, select, input, order, globalSort);
  }

  /** The single empty row a SELECT without FROM reads, like Spark's OneRowRelation. */
  static LogicalPlan oneRow() {
    return LocalRelation.of(new StructType(), List.of(List.of()));
  }

  private static LogicalPlan projection(SelectCore core, SelectList select, LogicalPlan input,
      List<SortOrder> order, boolean globalSort) {
    AggregateRewriter orderRewriter = new AggregateRewriter(select, List.of(), "__order_");
    List<SortOrder> keys = new ArrayList<>();
    for (SortOrder o : order) {
      keys.add(new SortOrder(orderRewriter.overProjection(o.child()), o.direction(), o.nullOrdering()));
    }
    List<Expression> list = new ArrayList<>(core.items());
    list.addAll(orderRewriter.hidden());
    LogicalPlan plan = new Project(list, input);
    if (core.distinct()) {
      // Hidden ORDER BY columns only repeat select items here, so they do not change which rows are distinct.
      plan = new Distinct(plan);
    }
    return sortAndDrop(plan, keys, globalSort, orderRewriter.hiddenNames());
  }

  private static LogicalPlan aggregation(SelectCore core, SelectList select, LogicalPlan input,
      List<SortOrder> order, boolean globalSort) {
    List<Expression> grouping = grouping(core, select);
    AggregateRewriter havingRewriter = new AggregateRewriter(select, grouping, "__having_");
    Expression having = core.having() == null ? null : havingRewriter.overAggregate(core.having());
    AggregateRewriter orderRewriter = new AggregateRewriter(select, grouping, "__order_");
    List<SortOrder> keys = new ArrayList<>();
    for (SortOrder o : order) {
      // Over DISTINCT, ORDER BY may only use what the select list computes, as in Spark.
      Expression key = core.distinct() ? orderRewriter.overProjection(o.child())
          : orderRewriter.overAggregate(o.child());
      keys.add(new SortOrder(key, o.direction(), o.nullOrdering()));
    }
    List<Expression> list = new ArrayList<>(core.items());
    list.addAll(havingRewriter.hidden());
    list.addAll(orderRewriter.hidden());
    LogicalPlan plan = new Aggregate(grouping, list, input);
    if (having != null) {
      plan = new Filter(having, plan);
    }
    List<String> dropAfterSort = new ArrayList<>(orderRewriter.hiddenNames());
    if (core.distinct()) {
      if (!havingRewriter.hidden().isEmpty()) {
        plan = new Drop(havingRewriter.hiddenNames(), List.of(), plan);
      }
      plan = new Distinct(plan);
    } else {
      dropAfterSort.addAll(havingRewriter.hiddenNames());
    }
    return sortAndDrop(plan, keys, globalSort, dropAfterSort);
  }

  private static LogicalPlan sortAndDrop(LogicalPlan plan, List<SortOrder> keys, boolean globalSort,
      List<String> hidden) {
    LogicalPlan out = plan;
    if (!keys.isEmpty()) {
      out = new Sort(keys, globalSort, out);
    }
    return hidden.isEmpty() ? out : new Drop(hidden, List.of(), out);
  }

  /**
   * The grouping expressions: positions ({@code GROUP BY 1}) stand for select items; {@code GROUP BY ALL}
   * for every item without an aggregate; a name that is no input column but a select alias for the aliased
   * expression (input columns win, as in Spark).
   */
  private static List<Expression> grouping(SelectCore core, SelectList select) {
    List<Expression> out = new ArrayList<>();
    if (core.groupByAll()) {
      for (Expression item : core.items()) {
        if (item instanceof UnresolvedStar) {
          throw new AnalysisException("UNSUPPORTED_FEATURE.SQL_SYNTAX", "The feature is not supported: GROUP BY "
              + "ALL with * in the select list; list the grouping columns instead.", "0A000");
        }
        if (!Aggregates.containsAggregate(item)) {
          out.add(Expressions.unalias(item));
        }
      }
      return out;
    }
    InputColumns inputColumns = new InputColumns(core.from());
    for (Expression g : core.groupBy() == null ? List.<Expression>of() : core.groupBy()) {
      if (SelectList.isOrdinal(g)) {
        Expression item = Expressions.unalias(select.itemAt(g, "GROUP BY"));
        if (Aggregates.containsAggregate(item)) {
          throw new AnalysisException("GROUP_BY_POS_AGGREGATE", "GROUP BY " + ((Literal) g).value()
              + " refers to an expression " + item.sql() + " that contains an aggregate function. Aggregate "
              + "functions are not allowed in GROUP BY.", "42903");
        }
        out.add(item);
      } else {
        out.add(Expressions.transformUp(g, x -> {
          if (x instanceof UnresolvedAttribute u && u.nameParts().size() == 1) {
            Alias alias = select.aliased(u.nameParts().get(0));
            if (alias != null && !inputColumns.contains(u.nameParts().get(0))) {
              return alias.child();
            }
          }
          return x;
        }));
      }
    }
    return out;
  }

  /**
   * The column names of a FROM clause, computed only when a GROUP BY name is also a select alias: Spark
   * groups by the input column then, and only the analyzer knows the input's columns. Errors of that
   * analysis are the query's own errors and propagate.
   */
  private static final class InputColumns {
    private final LogicalPlan from;
    private Set<String> names;

    InputColumns(LogicalPlan from) {
      this.from = from;
    }

    boolean contains(String name) {
      if (from == null) {
        return false;
      }
      if (names == null) {
        names = new HashSet<>();
        for (AttributeReference a : new Analyzer().analyze(from).output()) {
          names.add(a.name().toLowerCase(Locale.ROOT));
        }
      }
      return names.contains(name.toLowerCase(Locale.ROOT));
    }
  }
}
