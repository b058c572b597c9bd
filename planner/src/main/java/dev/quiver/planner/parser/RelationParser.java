package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FROM clause: tables, views and CTEs by name, parenthesized subqueries and joins, {@code range(...)},
 * each with an optional alias, combined by comma (cross join) and by
 * {@code [INNER|CROSS|LEFT [OUTER|SEMI|ANTI]|RIGHT [OUTER]|FULL [OUTER]|SEMI|ANTI] JOIN ... [ON c | USING (k)]}.
 */
final class RelationParser {
  private final TokenCursor in;
  private final ExpressionParser expressions;
  private final QueryParser queries;

  RelationParser(TokenCursor in, ExpressionParser expressions, QueryParser queries) {
    this.in = in;
    this.expressions = expressions;
    this.queries = queries;
  }

  /** Relations separated by commas are cross joined, as inner joins without condition (Spark's plan). */
  LogicalPlan from() {
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
        plan = queries.query();
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
      plan = in.atOperator("(") ? tableFunction(start, parts) : queries.table(parts);
    }
    if (in.atKeyword("TABLESAMPLE")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "TABLESAMPLE");
    }
    String alias = tableAlias();
    return alias == null ? plan : new SubqueryAlias(alias, plan);
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
