package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Range;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * Recursive descent over Spark's query grammar: {@code [WITH ...] term {UNION [ALL|DISTINCT] term}
 * [ORDER BY | SORT BY ...] [LIMIT n]}, where a term is a SELECT or a parenthesized query, and FROM holds
 * tables, views, CTEs, subqueries, {@code range(...)} and joins.
 */
final class QueryParser {
  private final TokenCursor in;
  private final ExpressionParser expressions;
  private final Function<String, LogicalPlan> tables;
  /** Common table expressions in scope, innermost WITH first; names are case-insensitive. */
  private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();

  QueryParser(TokenCursor in, ZoneId zone, Function<String, LogicalPlan> tables) {
    this.in = in;
    this.expressions = new ExpressionParser(in, zone);
    this.tables = tables;
  }

  /** A whole statement: one query, optional trailing semicolons, nothing else. */
  LogicalPlan statement() {
    LogicalPlan plan = query();
    while (in.acceptOperator(";")) {
      // Trailing semicolons end the statement; anything after them is an error below.
    }
    if (!in.atEnd()) {
      throw in.error();
    }
    return plan;
  }

  private LogicalPlan query() {
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
    LogicalPlan from = in.acceptKeyword("FROM") ? from() : null;
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

  // ------------------------------------------------------------------ FROM

  /** Relations separated by commas are cross joined, as inner joins without condition (Spark's plan). */
  private LogicalPlan from() {
    LogicalPlan plan = relation();
    while (in.acceptOperator(",")) {
      plan = Join.on(plan, relation(), JoinType.INNER, Optional.empty());
    }
    return plan;
  }

  private LogicalPlan relation() {
    LogicalPlan left = relationPrimary();
    while (true) {
      if (in.atKeyword("NATURAL")) {
        throw ParseErrors.unsupported(in.sql(), in.peek(), "NATURAL JOIN");
      }
      JoinType type = joinType();
      if (type == null) {
        return left;
      }
      LogicalPlan right = relationPrimary();
      if (in.acceptKeyword("ON")) {
        left = Join.on(left, right, type, Optional.of(expressions.expression()));
      } else if (in.acceptKeyword("USING")) {
        in.expectOperator("(");
        List<String> columns = new ArrayList<>();
        do {
          columns.add(expressions.identifier());
        } while (in.acceptOperator(","));
        in.expectOperator(")");
        left = new Join(left, right, type, Optional.empty(), columns);
      } else {
        left = Join.on(left, right, type, Optional.empty());
      }
    }
  }

  /** The join type before JOIN, consuming through JOIN; null (consuming nothing) if no join follows. */
  private JoinType joinType() {
    JoinType type;
    if (in.atKeyword("JOIN")) {
      type = JoinType.INNER;
    } else if (in.acceptKeyword("INNER")) {
      type = JoinType.INNER;
    } else if (in.acceptKeyword("CROSS")) {
      type = JoinType.CROSS;
    } else if (in.acceptKeyword("LEFT")) {
      if (in.acceptKeyword("SEMI")) {
        type = JoinType.LEFT_SEMI;
      } else if (in.acceptKeyword("ANTI")) {
        type = JoinType.LEFT_ANTI;
      } else {
        in.acceptKeyword("OUTER");
        type = JoinType.LEFT_OUTER;
      }
    } else if (in.acceptKeyword("RIGHT")) {
      in.acceptKeyword("OUTER");
      type = JoinType.RIGHT_OUTER;
    } else if (in.acceptKeyword("FULL")) {
      in.acceptKeyword("OUTER");
      type = JoinType.FULL_OUTER;
    } else if (in.acceptKeyword("SEMI")) {
      type = JoinType.LEFT_SEMI;
    } else if (in.acceptKeyword("ANTI")) {
      type = JoinType.LEFT_ANTI;
    } else {
      return null;
    }
    in.expectKeyword("JOIN");
    return type;
  }

  private LogicalPlan relationPrimary() {
    LogicalPlan plan;
    if (in.acceptOperator("(")) {
      if (in.atKeyword("SELECT", "WITH") || in.atOperator("(")) {
        plan = query();
      } else {
        plan = relation();
      }
      in.expectOperator(")");
    } else if (in.atKeyword("LATERAL", "VALUES")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), in.peek().keyword() + " in FROM");
    } else {
      Token start = in.peek();
      List<String> parts = new ArrayList<>();
      parts.add(expressions.identifier());
      while (in.atOperator(".") && in.peek(1).isIdentifier()) {
        in.next();
        parts.add(expressions.identifier());
      }
      plan = in.atOperator("(") ? tableFunction(start, parts) : table(parts);
    }
    if (in.atKeyword("TABLESAMPLE")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "TABLESAMPLE");
    }
    String alias = tableAlias();
    return alias == null ? plan : new SubqueryAlias(alias, plan);
  }

  /** A CTE in scope (innermost first), else a table or view of the catalog. */
  private LogicalPlan table(List<String> parts) {
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

  /** {@code range(end)}, {@code range(start, end[, step[, partitions]])}, as {@code spark.range}. */
  private LogicalPlan tableFunction(Token start, List<String> parts) {
    if (parts.size() != 1 || !parts.get(0).equalsIgnoreCase("range")) {
      throw ParseErrors.unsupported(in.sql(), start, "the table-valued function " + String.join(".", parts));
    }
    in.expectOperator("(");
    List<Long> args = new ArrayList<>();
    do {
      Token at = in.peek();
      Expression e = expressions.expression();
      if (!(e instanceof Literal l) || !(l.value() instanceof Integer || l.value() instanceof Long)) {
        throw ParseErrors.unsupported(in.sql(), at, "range() arguments other than integer literals");
      }
      args.add(((Number) l.value()).longValue());
    } while (in.acceptOperator(","));
    in.expectOperator(")");
    if (args.size() > 4) {
      throw ParseErrors.invalid(in.sql(), start, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `range` requires [1, "
          + "2, 3, 4] parameters but the actual number is " + args.size() + ".", "42605");
    }
    long from = args.size() == 1 ? 0 : args.get(0);
    long to = args.size() == 1 ? args.get(0) : args.get(1);
    long step = args.size() > 2 ? args.get(2) : 1;
    int slices = args.size() > 3 ? Math.toIntExact(args.get(3)) : 0;
    if (step == 0) {
      throw ParseErrors.invalid(in.sql(), start, "FAILED_FUNCTION_CALL", "Failed preparing of the function "
          + "`range` for call. Please, double check function's arguments: the step must not be 0.", "38000");
    }
    return Range.of(from, to, step, slices);
  }

  /** {@code [AS] alias}; without AS, a word that starts the next clause or join is no alias. */
  private String tableAlias() {
    String alias = null;
    if (in.acceptKeyword("AS")) {
      alias = expressions.identifier();
    } else if (Keywords.canBeImplicitAlias(in.peek())) {
      alias = expressions.identifier();
    }
    if (alias != null && in.atOperator("(")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "column aliases of a relation, alias(a, b)");
    }
    return alias;
  }
}
