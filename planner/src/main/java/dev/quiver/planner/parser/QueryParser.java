package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.sql.AnalysisException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Recursive descent over Spark's query grammar: {@code [WITH ...] term {UNION [ALL|DISTINCT] term}
 * [ORDER BY | SORT BY ...] [LIMIT n]}, where a term is a SELECT or a parenthesized query. FROM clauses are
 * {@link RelationParser}'s; table names are looked up among the CTEs in scope, then in the catalog.
 */
final class QueryParser {
  private final TokenCursor in;
  private final ExpressionParser expressions;
  private final Function<String, LogicalPlan> tables;
  private final RelationParser relations;
  /** Common table expressions in scope, innermost WITH first; names are case-insensitive. */
  private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();

  QueryParser(TokenCursor in, ZoneId zone, Function<String, LogicalPlan> tables) {
    this.in = in;
    this.expressions = new ExpressionParser(in, zone);
    this.tables = tables;
    this.relations = new RelationParser(in, expressions, this);
  }

  /** A whole statement: one query, optional trailing semicolons, nothing else. */
  LogicalPlan statement() {
    LogicalPlan plan = query();
    in.skipOperators(";");
    if (!in.atEnd()) {
      throw in.error();
    }
    return plan;
  }

  /** A query with its own WITH, ORDER BY and LIMIT: a statement, a parenthesized term, a FROM subquery. */
  LogicalPlan query() {
    if (!in.atKeyword("WITH")) {
      return queryExpression();
    }
    in.next();
    if (in.atKeyword("RECURSIVE")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "recursive common table expressions");
    }
    Map<String, LogicalPlan> scope = new LinkedHashMap<>();
    ctes.push(scope);
    try {
      do {
        String name = expressions.identifier();
        if (in.atOperator("(") && !in.peek(1).isKeyword("SELECT", "WITH")) {
          throw ParseErrors.unsupported(in.sql(), in.peek(), "column lists of common table expressions");
        }
        in.acceptKeyword("AS");
        in.expectOperator("(");
        LogicalPlan plan = query();
        in.expectOperator(")");
        scope.put(name.toLowerCase(Locale.ROOT), new SubqueryAlias(name, plan));
      } while (in.acceptOperator(","));
      return queryExpression();
    } finally {
      ctes.pop();
    }
  }

  /** One term, or several joined by UNION, then the ORDER BY and LIMIT of the whole. */
  private LogicalPlan queryExpression() {
    Term first = term();
    List<LogicalPlan> branches = new ArrayList<>();
    boolean setOperation = false;
    while (in.atKeyword("UNION", "EXCEPT", "INTERSECT", "MINUS")) {
      Token op = in.next();
      if (!op.isKeyword("UNION")) {
        throw ParseErrors.unsupported(in.sql(), op, op.keyword());
      }
      boolean all = in.acceptKeyword("ALL");
      if (!all) {
        in.acceptKeyword("DISTINCT");
      }
      if (!setOperation) {
        branches.add(first.plan());
        setOperation = true;
      }
      branches.add(term().plan());
      if (!all) {
        // UNION [DISTINCT] deduplicates everything to its left too; UNION ALLs before it are folded in.
        LogicalPlan distinct = new Distinct(new Union(branches, false, false));
        branches = new ArrayList<>(List.of(distinct));
      }
    }
    List<SortOrder> order = List.of();
    boolean global = true;
    if (in.atKeyword("ORDER", "SORT") && in.peek(1).isKeyword("BY")) {
      global = in.next().isKeyword("ORDER");
      in.next();
      order = expressions.sortList();
    }
    if (in.atKeyword("CLUSTER", "DISTRIBUTE") && in.peek(1).isKeyword("BY")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), in.peek().keyword() + " BY");
    }
    LogicalPlan plan;
    if (!setOperation && first.core() != null) {
      plan = SelectPlanner.plan(first.core(), order, global);
    } else {
      plan = setOperation ? (branches.size() == 1 ? branches.get(0) : new Union(branches, false, false))
          : first.plan();
      if (!order.isEmpty()) {
        plan = new Sort(orderOverSetOperation(order, first), global, plan);
      }
    }
    if (in.acceptKeyword("LIMIT") && !in.acceptKeyword("ALL")) {
      plan = new Limit(limitValue(), plan);
    }
    if (in.atKeyword("OFFSET")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "OFFSET");
    }
    return plan;
  }

  /** ORDER BY positions over a UNION name the first branch's columns, which name the union's output. */
  private List<SortOrder> orderOverSetOperation(List<SortOrder> order, Term first) {
    List<SortOrder> out = new ArrayList<>();
    for (SortOrder o : order) {
      Expression key = o.child();
      if (SelectList.isOrdinal(key)) {
        String name = first.core() == null ? null
            : SelectList.knownName(new SelectList(first.core().items()).itemAt(key, "ORDER BY"));
        if (name == null) {
          throw new AnalysisException("UNSUPPORTED_FEATURE.SQL_SYNTAX", "The feature is not "
              + "supported: ORDER BY position " + ((Literal) key).value() + " over a set operation whose first "
              + "branch does not name that column; give it an alias and order by the alias.", "0A000");
        }
        key = UnresolvedAttribute.of(name);
      }
      out.add(new SortOrder(key, o.direction(), o.nullOrdering()));
    }
    return out;
  }

  private int limitValue() {
    Token at = in.peek();
    Expression e = expressions.expression();
    if (e instanceof Literal l && l.value() instanceof Integer n) {
      return n;
    }
    if (e instanceof Literal l && l.value() != null) {
      throw ParseErrors.invalid(in.sql(), at, "INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE", "The limit like "
          + "expression \"" + e.sql() + "\" is invalid. The limit expression must be integer type, but got \""
          + l.dataType().sql() + "\".", "42K0E");
    }
    throw ParseErrors.invalid(in.sql(), at, "INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE", "The limit like "
        + "expression \"" + e.sql() + "\" is invalid. The limit expression must evaluate to a constant value.",
        "42K0E");
  }

  /** A SELECT, kept as clauses until its ORDER BY is known, or a parenthesized query, already a plan. */
  private record Term(SelectCore core, LogicalPlan parenthesized) {
    LogicalPlan plan() {
      return core != null ? SelectPlanner.plan(core, List.of(), true) : parenthesized;
    }
  }

  private Term term() {
    if (in.atKeyword("SELECT")) {
      return new Term(select(), null);
    }
    if (in.acceptOperator("(")) {
      LogicalPlan plan = query();
      in.expectOperator(")");
      return new Term(null, plan);
    }
    if (in.atKeyword("VALUES", "TABLE", "FROM")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), in.peek().keyword() + " as a query");
    }
    throw in.error();
  }

  // ------------------------------------------------------------------ SELECT

  private SelectCore select() {
    in.expectKeyword("SELECT");
    boolean distinct = in.acceptKeyword("DISTINCT");
    if (!distinct && in.atKeyword("ALL") && !in.peek(1).isOperator(",") && !in.peek(1).isKeyword("FROM")) {
      in.next();
    }
    List<Expression> items = new ArrayList<>();
    do {
      items.add(expressions.namedExpression());
    } while (in.acceptOperator(","));
    LogicalPlan from = in.acceptKeyword("FROM") ? relations.from() : null;
    if (in.atKeyword("LATERAL") && in.peek(1).isKeyword("VIEW")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "LATERAL VIEW");
    }
    Expression where = in.acceptKeyword("WHERE") ? expressions.expression() : null;
    List<Expression> groupBy = null;
    boolean groupByAll = false;
    if (in.atKeyword("GROUP") && in.peek(1).isKeyword("BY")) {
      in.next();
      in.next();
      if (in.atKeyword("ALL") && !in.peek(1).isOperator(",") && !in.peek(1).isOperator("(")) {
        in.next();
        groupByAll = true;
      } else {
        if ((in.atKeyword("ROLLUP", "CUBE") && in.peek(1).isOperator("("))
            || (in.atKeyword("GROUPING") && in.peek(1).isKeyword("SETS"))) {
          throw ParseErrors.unsupported(in.sql(), in.peek(), in.peek().keyword());
        }
        groupBy = expressions.expressionList();
        if (in.atKeyword("WITH") && in.peek(1).isKeyword("ROLLUP", "CUBE")) {
          throw ParseErrors.unsupported(in.sql(), in.peek(1), "WITH " + in.peek(1).keyword());
        }
      }
    }
    Expression having = in.acceptKeyword("HAVING") ? expressions.expression() : null;
    if (in.atKeyword("WINDOW") && in.peek(1).isIdentifier()) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "WINDOW clauses");
    }
    return new SelectCore(distinct, items, from, where, groupBy, groupByAll, having);
  }

  /** A CTE in scope (innermost first), else a table or view of the catalog. */
  LogicalPlan table(List<String> parts) {
    if (parts.size() == 1) {
      String key = parts.get(0).toLowerCase(Locale.ROOT);
      for (Map<String, LogicalPlan> scope : ctes) {
        LogicalPlan cte = scope.get(key);
        if (cte != null) {
          return cte;
        }
      }
    }
    return tables.apply(String.join(".", parts));
  }
}
