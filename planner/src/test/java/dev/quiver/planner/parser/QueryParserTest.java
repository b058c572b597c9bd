package dev.quiver.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Queries parsed, then analyzed by the planner's Analyzer: output names, types and plan shapes. */
class QueryParserTest {
  private static final StructType PEOPLE = new StructType()
      .add("name", DataTypes.StringType)
      .add("age", DataTypes.IntegerType)
      .add("salary", DataTypes.DoubleType)
      .add("hired", DataTypes.DateType)
      .add("active", DataTypes.BooleanType)
      .add("dept", DataTypes.StringType);
  private static final StructType ORDERS = new StructType()
      .add("order_id", DataTypes.IntegerType, false)
      .add("cust_id", DataTypes.IntegerType)
      .add("amount", DataTypes.DoubleType)
      .add("region", DataTypes.StringType);
  private static final StructType CUSTOMERS = new StructType()
      .add("cust_id", DataTypes.IntegerType, false)
      .add("cname", DataTypes.StringType)
      .add("region", DataTypes.StringType);

  private static LogicalPlan table(String name) {
    StructType schema = switch (name.toLowerCase(Locale.ROOT)) {
      case "people" -> PEOPLE;
      case "orders" -> ORDERS;
      case "customers" -> CUSTOMERS;
      default -> throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view `" + name
          + "` cannot be found.", "42P01");
    };
    return new SubqueryAlias(name, LocalRelation.of(schema, List.of()));
  }

  private static LogicalPlan parse(String sql) {
    return SqlParser.parseQuery(sql, QueryParserTest::table, ZoneOffset.UTC);
  }

  private static LogicalPlan analyze(String sql) {
    return new Analyzer().analyze(parse(sql));
  }

  /** The output as {@code name:type} pairs, with {@code !} for columns that cannot be null. */
  private static List<String> schema(LogicalPlan plan) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : plan.output()) {
      out.add(a.name() + ":" + a.dataType().simpleString() + (a.nullable() ? "" : "!"));
    }
    return out;
  }

  private static List<String> names(LogicalPlan plan) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : plan.output()) {
      out.add(a.name());
    }
    return out;
  }

  private static <T extends LogicalPlan> List<T> nodes(LogicalPlan plan, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (LogicalPlan n : Plans.collectNodes(plan)) {
      if (type.isInstance(n)) {
        out.add(type.cast(n));
      }
    }
    return out;
  }

  private static <T extends LogicalPlan> T only(LogicalPlan plan, Class<T> type) {
    List<T> found = nodes(plan, type);
    assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " in " + plan);
    return found.get(0);
  }

  // ------------------------------------------------------------------ the conformance query

  @Test
  void groupByWithAggregatesAndOrderBy() {
    LogicalPlan plan = analyze("SELECT dept, COUNT(*) AS n, SUM(age) AS total_age, AVG(salary) AS avg_salary "
        + "FROM people GROUP BY dept ORDER BY dept");
    assertEquals(List.of("dept:string", "n:bigint!", "total_age:bigint", "avg_salary:double"), schema(plan));
    Sort sort = assertInstanceOf(Sort.class, plan);
    assertTrue(sort.global());
    SortOrder key = sort.order().get(0);
    assertEquals(SortDirection.ASCENDING, key.direction());
    assertEquals(NullOrdering.NULLS_FIRST, key.nullOrdering());
    assertEquals("dept", ((AttributeReference) key.child()).name());
    Aggregate agg = assertInstanceOf(Aggregate.class, sort.child());
    assertEquals(1, agg.groupingExpressions().size());
    assertEquals("dept", ((AttributeReference) agg.groupingExpressions().get(0)).name());
  }

  // ------------------------------------------------------------------ selectExpr

  @Test
  void selectExprNamesAndTypes() {
    List<Expression> list = new ArrayList<>();
    for (String e : List.of("name", "age + 1 AS age_next", "upper(dept) AS dept_uc", "salary / 1000 AS salary_k",
        "age div 2 AS half_age", "CAST(hired AS STRING) AS hired_s", "age / 2")) {
      list.add(SqlParser.parseExpression(e, ZoneOffset.UTC));
    }
    LogicalPlan plan = new Analyzer().analyze(new Project(list, table("people")));
    assertEquals(List.of("name:string", "age_next:int", "dept_uc:string", "salary_k:double", "half_age:bigint",
        "hired_s:string", "(age / 2):double"), schema(plan));
  }

  @Test
  void unaliasedExpressionsGetSparksGeneratedNames() {
    LogicalPlan plan = analyze("SELECT age / 2, CAST(hired AS STRING), -1, 1.5, count(*) OVER (), upper(dept), "
        + "name || dept, age BETWEEN 1 AND 2 FROM people");
    // A cast of a column keeps the column's name (Spark's AliasResolution: Cast(ne: NamedExpression) => ne.name).
    assertEquals(List.of("(age / 2)", "hired", "-1", "1.5",
        "count(1) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)", "upper(dept)",
        "concat(name, dept)", "((age >= 1) AND (age <= 2))"), names(plan));
    assertEquals("decimal(2,1)", plan.output().get(3).dataType().simpleString());
  }

  @Test
  void filterStringsAreExpressions() {
    Expression cond = SqlParser.parseExpression("age > 30 AND dept IS NOT NULL", ZoneOffset.UTC);
    LogicalPlan plan = new Analyzer().analyze(new Filter(cond, table("people")));
    assertEquals(6, plan.output().size());
  }

  // ------------------------------------------------------------------ projections, WHERE, star

  @Test
  void starWhereAndCaseInsensitiveKeywords() {
    LogicalPlan plan = analyze("select * from PEOPLE where age > 30 and Dept = 'Sales'");
    assertEquals(List.of("name", "age", "salary", "hired", "active", "dept"), names(plan));
    assertInstanceOf(Project.class, plan);
    assertInstanceOf(Filter.class, plan.child());
  }

  @Test
  void qualifiedStarAndColumns() {
    LogicalPlan plan = analyze("SELECT p.*, o.amount FROM people p, orders o WHERE p.age = o.cust_id");
    assertEquals(List.of("name", "age", "salary", "hired", "active", "dept", "amount"), names(plan));
    Join join = only(plan, Join.class);
    assertEquals(JoinType.INNER, join.joinType());
    assertTrue(join.condition().isEmpty());
  }

  @Test
  void selectWithoutFromReadsOneRow() {
    LogicalPlan plan = analyze("SELECT 1 AS one, 'a', 1.5D, DATE '2024-01-01' AS d");
    assertEquals(List.of("one:int!", "a:string!", "1.5:double!", "d:date!"), schema(plan));
    LocalRelation row = only(plan, LocalRelation.class);
    assertEquals(1, row.rows().size());
  }

  // ------------------------------------------------------------------ joins

  @Test
  void joinOnWithAliases() {
    LogicalPlan plan = analyze("SELECT o.order_id, c.cname FROM orders AS o INNER JOIN customers c "
        + "ON o.cust_id = c.cust_id");
    assertEquals(List.of("order_id:int!", "cname:string"), schema(plan));
    Join join = only(plan, Join.class);
    assertEquals(JoinType.INNER, join.joinType());
    assertTrue(join.condition().isPresent());
  }

  @Test
  void outerJoinsMakeTheOtherSideNullable() {
    assertEquals(List.of("order_id:int!", "cust_id:int"), schema(analyze(
        "SELECT o.order_id, c.cust_id FROM orders o LEFT OUTER JOIN customers c ON o.cust_id = c.cust_id")));
    assertEquals(List.of("order_id:int", "cust_id:int!"), schema(analyze(
        "SELECT o.order_id, c.cust_id FROM orders o RIGHT JOIN customers c ON o.cust_id = c.cust_id")));
    assertEquals(JoinType.FULL_OUTER, only(analyze(
        "SELECT * FROM orders o FULL OUTER JOIN customers c ON o.cust_id = c.cust_id"), Join.class).joinType());
  }

  @Test
  void semiAntiAndCrossJoins() {
    LogicalPlan semi = analyze("SELECT * FROM orders o LEFT SEMI JOIN customers c ON o.cust_id = c.cust_id");
    assertEquals(List.of("order_id", "cust_id", "amount", "region"), names(semi));
    assertEquals(JoinType.LEFT_SEMI, only(semi, Join.class).joinType());
    LogicalPlan anti = analyze("SELECT * FROM orders o ANTI JOIN customers c ON o.cust_id = c.cust_id");
    assertEquals(JoinType.LEFT_ANTI, only(anti, Join.class).joinType());
    LogicalPlan cross = analyze("SELECT * FROM orders CROSS JOIN customers");
    assertEquals(JoinType.CROSS, only(cross, Join.class).joinType());
    assertEquals(7, cross.output().size());
  }

  @Test
  void joinUsingKeepsTheKeyOnce() {
    LogicalPlan plan = analyze("SELECT * FROM orders JOIN customers USING (cust_id)");
    assertEquals(List.of("cust_id", "order_id", "amount", "region", "cname", "region"), names(plan));
    Join parsed = only(parse("SELECT * FROM orders JOIN customers USING (cust_id)"), Join.class);
    assertEquals(List.of("cust_id"), parsed.usingColumns());
  }

  @Test
  void chainedJoinsAreLeftDeep() {
    LogicalPlan plan = parse("SELECT * FROM people p JOIN orders o ON p.age = o.cust_id "
        + "LEFT JOIN customers c ON o.cust_id = c.cust_id");
    Join top = assertInstanceOf(Join.class, plan.child());
    assertEquals(JoinType.LEFT_OUTER, top.joinType());
    assertInstanceOf(Join.class, top.left());
    assertEquals(new SubqueryAlias("c", table("customers")), top.right());
  }

  // ------------------------------------------------------------------ GROUP BY

  @Test
  void groupByOrdinal() {
    LogicalPlan plan = analyze("SELECT dept, count(*) FROM people GROUP BY 1");
    assertEquals(List.of("dept:string", "count(1):bigint!"), schema(plan));
    Aggregate agg = only(plan, Aggregate.class);
    assertEquals("dept", ((AttributeReference) agg.groupingExpressions().get(0)).name());
  }

  @Test
  void groupByOrdinalOfAnExpressionAndOutOfRange() {
    Aggregate agg = only(analyze("SELECT upper(dept) AS d, max(age) FROM people GROUP BY 1"), Aggregate.class);
    assertInstanceOf(ScalarFunction.class, agg.groupingExpressions().get(0));
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> parse("SELECT dept, count(*) FROM people GROUP BY 3"));
    assertEquals("GROUP_BY_POS_OUT_OF_RANGE", e.getErrorClass());
    assertEquals("[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position 3 is not in select list (valid range is [1, 2])."
        + " SQLSTATE: 42805", e.getMessage());
    assertEquals("GROUP_BY_POS_AGGREGATE", assertThrows(AnalysisException.class,
        () -> parse("SELECT dept, count(*) FROM people GROUP BY 2")).getErrorClass());
  }

  @Test
  void groupBySelectAlias() {
    LogicalPlan plan = analyze("SELECT upper(dept) AS d, count(*) AS n FROM people GROUP BY d");
    assertEquals(List.of("d:string", "n:bigint!"), schema(plan));
    Aggregate agg = only(plan, Aggregate.class);
    ScalarFunction g = assertInstanceOf(ScalarFunction.class, agg.groupingExpressions().get(0));
    assertEquals("upper", g.name());
  }

  @Test
  void groupByPrefersTheInputColumnOverASelectAlias() {
    LogicalPlan plan = analyze("SELECT upper(dept) AS dept, count(*) AS n FROM people GROUP BY dept");
    Aggregate agg = only(plan, Aggregate.class);
    assertEquals("dept", assertInstanceOf(AttributeReference.class, agg.groupingExpressions().get(0)).name());
  }

  @Test
  void groupByAll() {
    Aggregate agg = only(analyze("SELECT dept, active, sum(salary) FROM people GROUP BY ALL"), Aggregate.class);
    assertEquals(2, agg.groupingExpressions().size());
  }

  @Test
  void globalAggregateWithoutGroupBy() {
    LogicalPlan plan = analyze("SELECT count(*) AS n, max(salary) FROM people");
    assertEquals(List.of("n:bigint!", "max(salary):double"), schema(plan));
    assertTrue(only(plan, Aggregate.class).groupingExpressions().isEmpty());
  }

  @Test
  void countDistinct() {
    LogicalPlan plan = analyze("SELECT count(DISTINCT dept) AS d FROM people");
    AggregateCall call = (AggregateCall) Expressions.unalias(only(plan, Aggregate.class).aggregateExpressions().get(0));
    assertEquals(AggregateFunction.COUNT, call.function());
    assertTrue(call.distinct());
  }

  // ------------------------------------------------------------------ HAVING

  @Test
  void havingOnAnAggregateOfTheSelectListUsesItsAlias() {
    LogicalPlan parsed = parse("SELECT dept, count(*) AS n FROM people GROUP BY dept HAVING count(*) > 2");
    Filter having = assertInstanceOf(Filter.class, parsed);
    assertEquals("(n > 2)", having.condition().sql());
    LogicalPlan plan = analyze("SELECT dept, count(*) AS n FROM people GROUP BY dept HAVING count(*) > 2");
    assertEquals(List.of("dept:string", "n:bigint!"), schema(plan));
  }

  @Test
  void havingOnAnAggregateNotInTheSelectListComputesAHiddenColumn() {
    LogicalPlan plan = analyze("SELECT dept FROM people GROUP BY dept HAVING avg(salary) > 1000 AND count(*) > 1");
    assertEquals(List.of("dept:string"), schema(plan));
    Aggregate agg = only(plan, Aggregate.class);
    assertEquals(3, agg.aggregateExpressions().size());
    Filter filter = only(plan, Filter.class);
    assertFalse(Expressions.exists(filter.condition(), x -> x instanceof AggregateCall));
  }

  @Test
  void havingOnAliasAndOnAGroupingColumnNotSelected() {
    assertEquals(List.of("n:bigint!"), schema(analyze(
        "SELECT count(*) AS n FROM people GROUP BY dept HAVING n > 1 AND dept IS NOT NULL")));
  }

  @Test
  void havingWithoutGroupBy() {
    assertEquals(List.of("m:int"), schema(analyze("SELECT max(age) AS m FROM people HAVING count(*) > 0")));
  }

  // ------------------------------------------------------------------ ORDER BY

  @Test
  void orderBySelectAlias() {
    LogicalPlan plan = analyze("SELECT name, age * 2 AS a2 FROM people ORDER BY a2 DESC");
    assertEquals(List.of("name", "a2"), names(plan));
    Sort sort = assertInstanceOf(Sort.class, plan);
    assertEquals("a2", ((AttributeReference) sort.order().get(0).child()).name());
    assertEquals(NullOrdering.NULLS_LAST, sort.order().get(0).nullOrdering());
  }

  @Test
  void orderByOrdinals() {
    Sort sort = assertInstanceOf(Sort.class, analyze("SELECT name, age FROM people ORDER BY 2 DESC, 1"));
    assertEquals("age", ((AttributeReference) sort.order().get(0).child()).name());
    assertEquals("name", ((AttributeReference) sort.order().get(1).child()).name());
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> parse("SELECT name FROM people ORDER BY 2"));
    assertEquals("ORDER_BY_POS_OUT_OF_RANGE", e.getErrorClass());
  }

  @Test
  void orderByOrdinalOfAnUnaliasedExpression() {
    LogicalPlan plan = analyze("SELECT name, age + 1 FROM people ORDER BY 2");
    assertEquals(List.of("name", "(age + 1)"), names(plan));
    assertEquals(1, nodes(plan, Sort.class).size());
  }

  @Test
  void orderByAColumnThatIsNotSelected() {
    LogicalPlan plan = analyze("SELECT name FROM people WHERE active ORDER BY salary DESC NULLS FIRST");
    assertEquals(List.of("name"), names(plan));
    Sort sort = only(plan, Sort.class);
    assertEquals("salary", ((AttributeReference) sort.order().get(0).child()).name());
  }

  @Test
  void orderByAnAggregateNotInTheSelectList() {
    LogicalPlan plan = analyze("SELECT dept FROM people GROUP BY dept ORDER BY count(*) DESC, dept");
    assertEquals(List.of("dept:string"), schema(plan));
    Sort sort = only(plan, Sort.class);
    assertInstanceOf(Aggregate.class, sort.child());
    assertEquals(DataTypes.LongType, sort.order().get(0).child().dataType());
  }

  @Test
  void orderByAnAggregateOfTheSelectListAndByAGroupingColumnNotSelected() {
    assertEquals(List.of("sum(age):bigint"), schema(analyze(
        "SELECT sum(age) FROM people GROUP BY dept ORDER BY sum(age), dept")));
    assertEquals(List.of("dept", "total"), names(analyze(
        "SELECT dept, sum(age) AS total FROM people GROUP BY dept ORDER BY 2 DESC")));
  }

  @Test
  void orderByAndHavingTogether() {
    LogicalPlan plan = analyze("SELECT dept, count(*) AS n FROM people GROUP BY dept HAVING avg(age) > 20 "
        + "ORDER BY max(salary) DESC LIMIT 2");
    assertEquals(List.of("dept:string", "n:bigint!"), schema(plan));
    assertEquals(2, assertInstanceOf(Limit.class, plan).limit());
    assertEquals(4, only(plan, Aggregate.class).aggregateExpressions().size());
  }

  @Test
  void sortByIsAPartitionLocalSort() {
    assertFalse(only(analyze("SELECT name FROM people SORT BY name"), Sort.class).global());
  }

  // ------------------------------------------------------------------ DISTINCT, UNION, subqueries, CTEs, LIMIT

  @Test
  void selectDistinct() {
    LogicalPlan plan = analyze("SELECT DISTINCT dept FROM people");
    assertInstanceOf(Distinct.class, plan);
    assertEquals(List.of("dept"), names(plan));
  }

  @Test
  void selectDistinctOrderedByPositionOfAnExpression() {
    LogicalPlan plan = analyze("SELECT DISTINCT upper(dept) FROM people ORDER BY 1 DESC");
    assertEquals(List.of("upper(dept)"), names(plan));
    assertEquals(1, nodes(plan, Distinct.class).size());
  }

  @Test
  void distinctAggregateWithHaving() {
    LogicalPlan plan = analyze("SELECT DISTINCT count(*) AS n FROM people GROUP BY dept HAVING max(age) > 1 "
        + "ORDER BY n");
    assertEquals(List.of("n:bigint!"), schema(plan));
    Distinct distinct = only(plan, Distinct.class);
    assertEquals(List.of("n"), names(distinct));
  }

  @Test
  void unionAllAndUnion() {
    LogicalPlan all = analyze("SELECT name FROM people UNION ALL SELECT cname FROM customers "
        + "UNION ALL SELECT region FROM orders");
    assertEquals(List.of("name"), names(all));
    assertEquals(3, assertInstanceOf(Union.class, all).children().size());
    LogicalPlan distinct = analyze("SELECT name FROM people UNION SELECT cname FROM customers");
    assertInstanceOf(Union.class, assertInstanceOf(Distinct.class, distinct).child());
    LogicalPlan explicit = parse("SELECT name FROM people UNION DISTINCT SELECT cname FROM customers");
    assertInstanceOf(Distinct.class, explicit);
  }

  @Test
  void orderByAndLimitApplyToTheWholeUnion() {
    LogicalPlan plan = analyze("SELECT name AS n FROM people UNION ALL SELECT cname FROM customers "
        + "ORDER BY 1 DESC LIMIT 5");
    Limit limit = assertInstanceOf(Limit.class, plan);
    Sort sort = assertInstanceOf(Sort.class, limit.child());
    assertInstanceOf(Union.class, sort.child());
    assertEquals(List.of("n"), names(plan));
  }

  @Test
  void parenthesizedBranchesKeepTheirOwnOrderAndLimit() {
    LogicalPlan plan = analyze("(SELECT name FROM people ORDER BY age LIMIT 1) UNION ALL "
        + "(SELECT cname FROM customers LIMIT 2)");
    Union union = assertInstanceOf(Union.class, plan);
    assertInstanceOf(Limit.class, union.children().get(0));
    assertInstanceOf(Limit.class, union.children().get(1));
  }

  @Test
  void subqueriesInFrom() {
    LogicalPlan plan = analyze("SELECT s.n, s.a FROM (SELECT name AS n, age AS a FROM people WHERE age > 1) s "
        + "WHERE s.n LIKE 'A%' ORDER BY s.a");
    assertEquals(List.of("n", "a"), names(plan));
    assertEquals(List.of("s"), nodes(plan, SubqueryAlias.class).stream().map(SubqueryAlias::alias)
        .filter(a -> a.equals("s")).toList());
    assertEquals(List.of("n:string"), schema(analyze("SELECT n FROM (SELECT name AS n FROM people)")));
  }

  @Test
  void joinOfSubqueries() {
    LogicalPlan plan = analyze("SELECT a.dept, b.total FROM (SELECT DISTINCT dept FROM people) a "
        + "JOIN (SELECT dept, sum(salary) AS total FROM people GROUP BY dept) AS b ON a.dept = b.dept");
    assertEquals(List.of("dept:string", "total:double"), schema(plan));
  }

  @Test
  void parenthesizedJoinsAndQuotedAliases() {
    LogicalPlan plan = analyze("SELECT j.amount FROM (orders AS `the orders` JOIN customers c "
        + "ON `the orders`.cust_id = c.cust_id) j WHERE j.cname IS NOT NULL");
    assertEquals(List.of("amount:double"), schema(plan));
  }

  @Test
  void cteShadowsATableAndIsVisibleInSubqueries() {
    LogicalPlan plan = analyze("WITH people AS (SELECT cname AS who FROM customers) "
        + "SELECT x.who FROM (SELECT * FROM people) x");
    assertEquals(List.of("who:string"), schema(plan));
  }

  @Test
  void commonTableExpressions() {
    LogicalPlan plan = analyze("WITH d AS (SELECT dept, count(*) AS n FROM people GROUP BY dept), "
        + "big AS (SELECT * FROM d WHERE n > 1) SELECT big.dept FROM big JOIN d ON big.dept = d.dept");
    assertEquals(List.of("dept"), names(plan));
  }

  @Test
  void limit() {
    LogicalPlan plan = analyze("SELECT * FROM people LIMIT 3;");
    assertEquals(3, assertInstanceOf(Limit.class, plan).limit());
    assertInstanceOf(Project.class, analyze("SELECT * FROM people LIMIT ALL"));
    ParseException e = assertThrows(ParseException.class, () -> parse("SELECT * FROM people LIMIT 'x'"));
    assertEquals("INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE", e.getErrorClass());
    AnalysisException negative = assertThrows(AnalysisException.class, () -> parse("SELECT * FROM people LIMIT -1"));
    assertEquals("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", negative.getErrorClass());
  }

  @Test
  void rangeTableFunction() {
    LogicalPlan plan = analyze("SELECT id * 2 AS x FROM range(1, 10, 3)");
    assertEquals(List.of("x:bigint!"), schema(plan));
    Range r = only(plan, Range.class);
    assertEquals(1, r.start());
    assertEquals(10, r.end());
    assertEquals(3, r.step());
    assertEquals(0, only(parse("SELECT * FROM range(5)"), Range.class).start());
  }

  @Test
  void windowFunctionsInTheSelectList() {
    LogicalPlan plan = analyze("SELECT name, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r, "
        + "sum(salary) OVER (PARTITION BY dept) AS total FROM people");
    assertEquals(List.of("name:string", "r:int!", "total:double"), schema(plan));
    assertFalse(nodes(plan, Window.class).isEmpty());
  }

  @Test
  void hiddenColumnsNeverReachTheOutput() {
    for (String sql : List.of(
        "SELECT dept FROM people GROUP BY dept HAVING count(*) > 1 ORDER BY sum(age)",
        "SELECT name, age + 1 FROM people ORDER BY 2",
        "SELECT count(*) FROM people GROUP BY dept ORDER BY dept")) {
      for (AttributeReference a : analyze(sql).output()) {
        assertFalse(a.name().startsWith("__"), () -> sql + " outputs " + a.name());
      }
    }
  }

  @Test
  void tpchStyleFilterWithDecimalsAndDates() {
    LogicalPlan plan = analyze("select sum(amount * 0.5) as revenue from orders where region >= 'a' "
        + "and amount between .06 - 0.01 and .06 + 0.01 and cust_id < 24 "
        + "and DATE '1998-12-01' - 90 > DATE '1990-01-01'");
    assertEquals(List.of("revenue:double"), schema(plan));
  }

  // ------------------------------------------------------------------ errors

  @Test
  void syntaxErrorAtFrom() {
    ParseException e = assertThrows(ParseException.class, () -> parse("SELECT FROM people"));
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601", e.errorText());
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 1, pos 7)\n\n"
        + "== SQL ==\nSELECT FROM people\n-------^^^", e.getMessage());
  }

  @Test
  void syntaxErrorsInClauses() {
    assertEquals(26, assertThrows(ParseException.class, () -> parse("SELECT a FROM people WHERE")).position());
    ParseException e = assertThrows(ParseException.class,
        () -> parse("SELECT a\nFROM people p JOIN orders o ON\nWHERE x"));
    assertEquals(3, e.line());
    assertEquals(0, e.position());
    assertTrue(e.errorText().contains("'WHERE'"), e::errorText);
    assertThrows(ParseException.class, () -> parse("SELECT a FROM people GROUP dept"));
    assertThrows(ParseException.class, () -> parse("SELECT a FROM people LEFT orders"));
    assertThrows(ParseException.class, () -> parse("SELECT a FROM people extra tokens"));
    assertEquals("PARSE_EMPTY_STATEMENT", assertThrows(ParseException.class, () -> parse("")).getErrorClass());
  }

  @Test
  void unknownTablesFailAsTheCatalogSays() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> parse("SELECT * FROM nope"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getErrorClass());
  }

  @Test
  void unsupportedSetOperations() {
    ParseException e = assertThrows(ParseException.class,
        () -> parse("SELECT name FROM people INTERSECT SELECT cname FROM customers"));
    assertEquals("UNSUPPORTED_FEATURE.SQL_SYNTAX", e.getErrorClass());
  }
}
