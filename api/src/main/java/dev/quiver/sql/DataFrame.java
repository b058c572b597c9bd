package dev.quiver.sql;

import dev.quiver.driver.ResultRows;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import dev.quiver.sql.internal.ShowFormat;
import dev.quiver.sql.internal.Values;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import dev.quiver.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spark's {@code Dataset<Row>}: an immutable description of a computation. Transformations return new
 * DataFrames and are checked at once (an unknown column fails here, with an AnalysisException); actions
 * ({@code count}, {@code collect}, {@code show}, {@code write}) run it.
 */
public class DataFrame {
  private static final AtomicLong PLAN_IDS = new AtomicLong(1);

  private final Session session;
  private final long planId;
  private final LogicalPlan plan;
  private final LogicalPlan analyzed;

  DataFrame(Session session, LogicalPlan node) {
    this.session = session;
    this.planId = PLAN_IDS.getAndIncrement();
    this.plan = new PlanIdMarker(planId, node);
    this.analyzed = session.backend().analyze(plan);
  }

  /** A DataFrame over {@code node}, which is built on this one's plan. */
  DataFrame derive(LogicalPlan node) {
    return new DataFrame(session, node);
  }

  /** The logical plan as built (unresolved), rooted at this DataFrame's plan-id marker. */
  public LogicalPlan plan() {
    return plan;
  }

  public Session sparkSession() {
    return session;
  }

  // ------------------------------------------------------------------ schema

  public StructType schema() {
    return Plans.schemaOf(analyzed);
  }

  public void printSchema() {
    System.out.println(schema().treeString());
  }

  public void printSchema(int level) {
    printSchema();
  }

  public String[] columns() {
    return schema().fieldNames();
  }

  @SuppressWarnings("unchecked")
  public Tuple2<String, String>[] dtypes() {
    StructField[] fields = schema().fields();
    Tuple2<String, String>[] out = new Tuple2[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = new Tuple2<>(fields[i].name(), fields[i].dataType().toString());
    }
    return out;
  }

  /** Position of a top-level column by name (case-insensitively, as names resolve). */
  int resolveFieldIndex(String name) {
    StructType s = schema();
    for (int i = 0; i < s.length(); i++) {
      if (s.apply(i).name().equals(name)) {
        return i;
      }
    }
    int i = s.indexOfIgnoreCase(name);
    if (i < 0) {
      throw new AnalysisException("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", "Cannot resolve column name \"" + name
          + "\" among (" + String.join(", ", s.fieldNames()) + ").", "42703");
    }
    return i;
  }

  // ------------------------------------------------------------------ columns

  /** This DataFrame's column {@code colName}; it stays bound to this DataFrame (e.g. in a self-join). */
  public Column col(String colName) {
    if (colName == null) {
      throw new QuiverException("col() needs a column name, but got null.");
    }
    Expression e;
    if (colName.equals("*")) {
      e = new UnresolvedStar(List.of(), planId);
    } else if (colName.endsWith(".*")) {
      e = new UnresolvedStar(UnresolvedAttribute.parseNameParts(colName.substring(0, colName.length() - 2)), planId);
    } else {
      e = new UnresolvedAttribute(UnresolvedAttribute.parseNameParts(colName), planId);
      // Fail now, as Spark does, rather than when the column is used.
      session.backend().analyze(new Project(List.of(e), plan));
    }
    return new Column(e);
  }

  public Column apply(String colName) {
    return col(colName);
  }

  public Column colRegex(String colName) {
    return col(colName);
  }

  // ------------------------------------------------------------------ projections and filters

  public DataFrame select(Column... cols) {
    List<Expression> list = new ArrayList<>();
    for (Column c : cols) {
      list.add(c.expr());
    }
    return derive(new Project(list, plan));
  }

  public DataFrame select(String col, String... cols) {
    List<Column> all = new ArrayList<>();
    all.add(functions.col(col));
    for (String c : cols) {
      all.add(functions.col(c));
    }
    return select(all.toArray(new Column[0]));
  }

  public DataFrame selectExpr(String... exprs) {
    List<Column> cols = new ArrayList<>();
    for (String e : exprs) {
      cols.add(functions.expr(e));
    }
    return select(cols.toArray(new Column[0]));
  }

  public DataFrame filter(Column condition) {
    return derive(new Filter(condition.expr(), plan));
  }

  public DataFrame filter(String conditionExpr) {
    return filter(functions.expr(conditionExpr));
  }

  public DataFrame where(Column condition) {
    return filter(condition);
  }

  public DataFrame where(String conditionExpr) {
    return filter(conditionExpr);
  }

  public DataFrame withColumn(String colName, Column col) {
    return derive(new WithColumns(List.of(colName), List.of(col.expr()), plan));
  }

  public DataFrame withColumns(Map<String, Column> colsMap) {
    List<String> names = new ArrayList<>();
    List<Expression> exprs = new ArrayList<>();
    for (Map.Entry<String, Column> e : colsMap.entrySet()) {
      names.add(e.getKey());
      exprs.add(e.getValue().expr());
    }
    return derive(new WithColumns(names, exprs, plan));
  }

  public DataFrame withColumnRenamed(String existingName, String newName) {
    return derive(new WithColumnsRenamed(List.of(existingName), List.of(newName), plan));
  }

  public DataFrame withColumnsRenamed(Map<String, String> colsMap) {
    return derive(new WithColumnsRenamed(new ArrayList<>(colsMap.keySet()), new ArrayList<>(colsMap.values()), plan));
  }

  public DataFrame drop(String... colNames) {
    return derive(new Drop(List.of(colNames), List.of(), plan));
  }

  public DataFrame drop(Column col, Column... cols) {
    List<Expression> exprs = new ArrayList<>();
    exprs.add(col.expr());
    for (Column c : cols) {
      exprs.add(c.expr());
    }
    return derive(new Drop(List.of(), exprs, plan));
  }

  /**
   * Renames all columns, by position (Spark's toDF(colNames), resolved like a subquery's column aliases), so it
   * also renames columns with the same name, e.g. after a join. The number of names must match the number of
   * columns.
   */
  public DataFrame toDF(String... colNames) {
    if (colNames.length == 0) {
      if (schema().length() != 0) {
        throw new AnalysisException("_LEGACY_ERROR_TEMP_1028", "Number of column aliases does not match number of "
            + "columns. Number of column aliases: 0; number of columns: " + schema().length() + ".", null);
      }
      return this;
    }
    for (String n : colNames) {
      if (n == null) {
        throw new QuiverException("toDF() needs a name for every column, but got null among: "
            + Arrays.toString(colNames) + ".");
      }
    }
    // An empty list of existing names marks the positional renaming (see WithColumnsRenamed in the analyzer).
    return derive(new WithColumnsRenamed(List.of(), List.of(colNames), plan));
  }

  /** This DataFrame (Spark's no-argument toDF()). */
  public DataFrame toDF() {
    return this;
  }

  // ------------------------------------------------------------------ aggregation

  public GroupedData groupBy(Column... cols) {
    List<Expression> exprs = new ArrayList<>();
    for (Column c : cols) {
      exprs.add(c.expr());
    }
    return new GroupedData(this, exprs);
  }

  public GroupedData groupBy(String col, String... cols) {
    List<Column> all = new ArrayList<>();
    all.add(functions.col(col));
    for (String c : cols) {
      all.add(functions.col(c));
    }
    return groupBy(all.toArray(new Column[0]));
  }

  public DataFrame agg(Column expr, Column... exprs) {
    return groupBy().agg(expr, exprs);
  }

  public DataFrame agg(Map<String, String> exprs) {
    return groupBy().agg(exprs);
  }

  // ------------------------------------------------------------------ joins and set operations

  /** Inner join without a condition: every pair of rows. */
  public DataFrame join(DataFrame right) {
    return derive(Join.on(plan, right.plan, JoinType.INNER, Optional.empty()));
  }

  public DataFrame join(DataFrame right, String usingColumn) {
    return join(right, new String[] {usingColumn}, "inner");
  }

  public DataFrame join(DataFrame right, String usingColumn, String joinType) {
    return join(right, new String[] {usingColumn}, joinType);
  }

  public DataFrame join(DataFrame right, String[] usingColumns) {
    return join(right, usingColumns, "inner");
  }

  public DataFrame join(DataFrame right, String[] usingColumns, String joinType) {
    return derive(new Join(plan, right.plan, JoinType.parse(joinType), Optional.empty(), List.of(usingColumns)));
  }

  public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
    return join(right, usingColumns.toArray(new String[0]), joinType);
  }

  public DataFrame join(DataFrame right, Column joinExprs) {
    return join(right, joinExprs, "inner");
  }

  public DataFrame join(DataFrame right, Column joinExprs, String joinType) {
    return derive(Join.on(plan, right.plan, JoinType.parse(joinType), Optional.of(joinExprs.expr())));
  }

  public DataFrame crossJoin(DataFrame right) {
    return derive(Join.on(plan, right.plan, JoinType.CROSS, Optional.empty()));
  }

  /** All rows of both, by column position (names from this DataFrame); duplicates kept. */
  public DataFrame union(DataFrame other) {
    return derive(new Union(List.of(plan, other.plan), false, false));
  }

  public DataFrame unionAll(DataFrame other) {
    return union(other);
  }

  public DataFrame unionByName(DataFrame other) {
    return unionByName(other, false);
  }

  public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
    return derive(new Union(List.of(plan, other.plan), true, allowMissingColumns));
  }

  /** Rows of this DataFrame that are also in {@code other} (by column position, nulls equal), without duplicates. */
  public DataFrame intersect(DataFrame other) {
    return derive(new Distinct(derive(setJoin(other, JoinType.LEFT_SEMI, "INTERSECT")).plan));
  }

  /** Rows of this DataFrame that are not in {@code other} (by column position, nulls equal), without duplicates. */
  public DataFrame except(DataFrame other) {
    return derive(new Distinct(derive(setJoin(other, JoinType.LEFT_ANTI, "EXCEPT")).plan));
  }

  /** A semi or anti join on null-safe equality of every column, position by position. */
  private LogicalPlan setJoin(DataFrame other, JoinType type, String operation) {
    String[] mine = columns();
    String[] theirs = other.columns();
    if (mine.length != theirs.length) {
      throw new AnalysisException("NUM_COLUMNS_MISMATCH", operation + " can only be performed on inputs with the "
          + "same number of columns, but the first input has " + mine.length + " columns and the second input has "
          + theirs.length + " columns.", "42826");
    }
    Expression condition = null;
    for (int i = 0; i < mine.length; i++) {
      Expression eq = new dev.quiver.planner.expressions.Comparison(dev.quiver.planner.expressions.ComparisonOp
          .NULL_SAFE_EQ, new UnresolvedAttribute(List.of(mine[i]), planId),
          new UnresolvedAttribute(List.of(theirs[i]), other.planId));
      condition = condition == null ? eq : new dev.quiver.planner.expressions.And(condition, eq);
    }
    return Join.on(plan, other.plan, type, Optional.ofNullable(condition));
  }

  public DataFrame distinct() {
    return derive(new Distinct(plan));
  }

  public DataFrame dropDuplicates() {
    return derive(new Deduplicate(List.of(), plan));
  }

  public DataFrame dropDuplicates(String col1, String... cols) {
    List<String> all = new ArrayList<>();
    all.add(col1);
    all.addAll(List.of(cols));
    return dropDuplicates(all.toArray(new String[0]));
  }

  public DataFrame dropDuplicates(String[] colNames) {
    List<Expression> keys = new ArrayList<>();
    for (String c : new LinkedHashSet<>(Arrays.asList(colNames))) {
      keys.add(new UnresolvedAttribute(List.of(c), 0));
    }
    return derive(new Deduplicate(keys, plan));
  }

  // ------------------------------------------------------------------ ordering, limits, partitions

  public DataFrame orderBy(Column... sortExprs) {
    return derive(new Sort(sortOrders(sortExprs), true, plan));
  }

  public DataFrame orderBy(String sortCol, String... sortCols) {
    return orderBy(namesToColumns(sortCol, sortCols));
  }

  public DataFrame sort(Column... sortExprs) {
    return orderBy(sortExprs);
  }

  public DataFrame sort(String sortCol, String... sortCols) {
    return orderBy(sortCol, sortCols);
  }

  public DataFrame sortWithinPartitions(Column... sortExprs) {
    return derive(new Sort(sortOrders(sortExprs), false, plan));
  }

  public DataFrame sortWithinPartitions(String sortCol, String... sortCols) {
    return sortWithinPartitions(namesToColumns(sortCol, sortCols));
  }

  private static Column[] namesToColumns(String first, String... rest) {
    Column[] cols = new Column[rest.length + 1];
    cols[0] = functions.col(first);
    for (int i = 0; i < rest.length; i++) {
      cols[i + 1] = functions.col(rest[i]);
    }
    return cols;
  }

  private static List<SortOrder> sortOrders(Column[] cols) {
    List<SortOrder> orders = new ArrayList<>();
    for (Column c : cols) {
      orders.add(c.expr() instanceof SortOrder s ? s : SortOrder.asc(c.expr()));
    }
    return orders;
  }

  public DataFrame limit(int n) {
    return derive(new Limit(n, plan));
  }

  public DataFrame alias(String alias) {
    return derive(new SubqueryAlias(alias, plan));
  }

  public DataFrame as(String alias) {
    return alias(alias);
  }

  public DataFrame repartition(int numPartitions) {
    checkPartitions(numPartitions);
    return derive(new Repartition(numPartitions, true, List.of(), plan));
  }

  public DataFrame repartition(int numPartitions, Column... partitionExprs) {
    checkPartitions(numPartitions);
    return derive(new Repartition(numPartitions, true, exprs(partitionExprs), plan));
  }

  public DataFrame repartition(Column... partitionExprs) {
    return derive(new Repartition(0, true, exprs(partitionExprs), plan));
  }

  public DataFrame coalesce(int numPartitions) {
    checkPartitions(numPartitions);
    return derive(new Repartition(numPartitions, false, List.of(), plan));
  }

  private static void checkPartitions(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Number of partitions (" + n + ") must be positive.");
    }
  }

  private static List<Expression> exprs(Column[] cols) {
    List<Expression> out = new ArrayList<>();
    for (Column c : cols) {
      out.add(c.expr());
    }
    return out;
  }

  /** Spark's hints (broadcast, repartition...) are advisory; Quiver plans joins by size. */
  public DataFrame hint(String name, Object... parameters) {
    return this;
  }

  // ------------------------------------------------------------------ caching and views

  public DataFrame cache() {
    return persist();
  }

  public DataFrame persist() {
    return persist(StorageLevel.MEMORY_AND_DISK);
  }

  public DataFrame persist(StorageLevel level) {
    session.backend().cache(plan, level.name());
    return this;
  }

  public DataFrame unpersist() {
    session.backend().uncache(plan);
    return this;
  }

  public DataFrame unpersist(boolean blocking) {
    return unpersist();
  }

  public StorageLevel storageLevel() {
    return session.backend().isCached(plan) ? StorageLevel.MEMORY_AND_DISK : StorageLevel.NONE;
  }

  public void createOrReplaceTempView(String viewName) {
    session.backend().createTempView(viewName, plan, true);
  }

  public void createTempView(String viewName) {
    session.backend().createTempView(viewName, plan, false);
  }

  /** Dropping and filling nulls: {@code df.na().drop()}, {@code df.na().fill(0)}. */
  public DataFrameNaFunctions na() {
    return new DataFrameNaFunctions(this);
  }

  public DataFrameWriter write() {
    return new DataFrameWriter(this);
  }

  /** The files this DataFrame reads. */
  public String[] inputFiles() {
    Set<String> files = new LinkedHashSet<>();
    for (LogicalPlan n : Plans.collectNodes(analyzed)) {
      if (n instanceof FileRelation f) {
        f.source().files().forEach(s -> files.add(s.path()));
      }
    }
    return files.toArray(new String[0]);
  }

  public boolean isLocal() {
    return false;
  }

  public boolean isStreaming() {
    return false;
  }

  // ------------------------------------------------------------------ actions

  List<Row> rows(LogicalPlan p) {
    ResultRows result = session.backend().collect(p);
    List<Row> out = new ArrayList<>(result.rows().size());
    for (Object[] r : result.rows()) {
      out.add(Values.toRow(r, result.schema()));
    }
    return out;
  }

  public long count() {
    List<Row> r = groupBy().count().collectAsList();
    return r.get(0).getLong(0);
  }

  public List<Row> collectAsList() {
    return rows(plan);
  }

  public Row[] collect() {
    return collectAsList().toArray(new Row[0]);
  }

  public Iterator<Row> toLocalIterator() {
    StructType schema = schema();
    Iterator<Object[]> it = session.backend().toLocalIterator(plan);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        return Values.toRow(it.next(), schema);
      }
    };
  }

  public List<Row> takeAsList(int n) {
    return limit(n).collectAsList();
  }

  public Row[] take(int n) {
    return takeAsList(n).toArray(new Row[0]);
  }

  public Row[] head(int n) {
    return take(n);
  }

  /** The first row; fails on an empty DataFrame, as Spark's does. */
  public Row head() {
    List<Row> r = takeAsList(1);
    if (r.isEmpty()) {
      throw new NoSuchElementException("next on empty iterator");
    }
    return r.get(0);
  }

  public Row first() {
    return head();
  }

  /** The last {@code n} rows; a negative {@code n} is an AnalysisException, as Spark's Tail check raises. */
  public Row[] tail(int n) {
    if (n < 0) {
      throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "The limit like expression \"" + n
          + "\" is invalid. The tail expression must be equal to or greater than 0, but got " + n + ".", "42K0E");
    }
    List<Row> all = collectAsList();
    return all.subList(Math.max(0, all.size() - n), all.size()).toArray(new Row[0]);
  }

  public boolean isEmpty() {
    return takeAsList(1).isEmpty();
  }

  // ------------------------------------------------------------------ show, describe, explain

  public void show() {
    show(20);
  }

  public void show(int numRows) {
    show(numRows, true);
  }

  public void show(boolean truncate) {
    show(20, truncate);
  }

  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0);
  }

  public void show(int numRows, int truncate) {
    show(numRows, truncate, false);
  }

  public void show(int numRows, int truncate, boolean vertical) {
    System.out.println(showString(numRows, truncate, vertical));
  }

  /** Spark's showString: numRows is clamped to [0, 2147483631] as Spark's is, so show(Integer.MAX_VALUE) shows all. */
  String showString(int numRows, int truncate, boolean vertical) {
    int n = ShowFormat.clampRows(numRows);
    ResultRows result = session.backend().collect(limit(n + 1).plan());
    return ShowFormat.table(schema(), result.rows(), n, truncate, vertical,
        dev.quiver.driver.Sessions.zone(session.backend().conf()));
  }

  /** count, mean, stddev, min and max of numeric and string columns (all of them when none are named). */
  public DataFrame describe(String... cols) {
    return Describe.of(this, cols);
  }

  public void explain() {
    explain(false);
  }

  public void explain(boolean extended) {
    System.out.println(session.backend().explain(plan, extended));
  }

  /**
   * Modes: simple, extended, codegen, cost, formatted (the last three print the extended form); any other is an
   * IllegalArgumentException with Spark's ExplainMode.fromString message.
   */
  public void explain(String mode) {
    String m = mode == null ? "null" : mode.toLowerCase(java.util.Locale.ROOT);
    switch (m) {
      case "simple":
        explain(false);
        break;
      case "extended":
      case "codegen":
      case "cost":
      case "formatted":
        explain(true);
        break;
      default:
        throw new IllegalArgumentException("Unknown explain mode: " + mode + ". Accepted explain modes are 'simple', "
            + "'extended', 'codegen', 'cost', 'formatted'.");
    }
  }

  /**
   * Spark's Dataset.toString: the first two fields, then how many more, e.g.
   * {@code [id: bigint, b: bigint ... 1 more field]}.
   */
  @Override
  public String toString() {
    List<StructField> fields = schema().fieldList();
    List<String> cols = new ArrayList<>();
    for (StructField f : fields.subList(0, Math.min(2, fields.size()))) {
      cols.add(f.name() + ": " + f.dataType().simpleString());
    }
    StringBuilder sb = new StringBuilder("[").append(String.join(", ", cols));
    int more = fields.size() - cols.size();
    if (more == 1) {
      sb.append(" ... 1 more field");
    } else if (more > 1) {
      sb.append(" ... ").append(more).append(" more fields");
    }
    return sb.append(']').toString();
  }
}
