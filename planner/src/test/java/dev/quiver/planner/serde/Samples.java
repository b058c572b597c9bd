package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
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
import dev.quiver.planner.physical.AggregateMode;
import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.CoalesceExec;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.InMemoryScanExec;
import dev.quiver.planner.physical.LimitExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.NestedLoopJoinExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.planner.physical.RangeExec;
import dev.quiver.planner.physical.ScanPartition;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.physical.SortExec;
import dev.quiver.planner.physical.TopNExec;
import dev.quiver.planner.physical.UnionExec;
import dev.quiver.planner.physical.WindowExec;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One or more instances of every expression, logical plan, physical plan and partitioning record, for the
 * per-node round-trip tests and for the coverage test that fails when a new record has no sample.
 */
final class Samples {
  private Samples() {}

  // ------------------------------------------------------------------ shared leaves

  static final AttributeReference ID = attr("id", DataTypes.LongType, false, 1);
  static final AttributeReference NAME = new AttributeReference("name", DataTypes.StringType, true, new ExprId(2),
      List.of("people"));
  static final AttributeReference AGE = attr("age", DataTypes.IntegerType, true, 3);
  static final AttributeReference SALARY = attr("salary", new DecimalType(10, 2), true, 4);
  static final AttributeReference TAGS = attr("tags", new ArrayType(DataTypes.StringType, true), true, 5);
  static final AttributeReference PROPS = attr("props",
      new MapType(DataTypes.StringType, DataTypes.IntegerType, true), true, 6);
  static final AttributeReference ADDRESS = attr("address", StructType.fromDDL("city STRING, zip INT"), true, 7);
  static final AttributeReference YEAR = attr("year", DataTypes.IntegerType, true, 8);
  static final AttributeReference REGION = attr("region", DataTypes.StringType, true, 9);
  static final AttributeReference DEPT = attr("dept", DataTypes.StringType, true, 10);

  static AttributeReference attr(String name, dev.quiver.sql.types.DataType type, boolean nullable, long id) {
    return new AttributeReference(name, type, nullable, new ExprId(id), List.of());
  }

  static final Expression AGE_GT_30 = new Comparison(ComparisonOp.GT, AGE, Literal.of(30));

  // ------------------------------------------------------------------ expressions

  static List<Expression> expressions() {
    List<Expression> out = new ArrayList<>();
    out.add(Literal.of(42));
    out.add(Literal.of("text"));
    out.add(Literal.NULL);
    out.add(Literal.nullOf(DataTypes.DateType));
    out.add(ID);
    out.add(NAME);
    out.add(new UnresolvedAttribute(List.of("t", "a.b"), 17));
    out.add(UnresolvedAttribute.of("age"));
    out.add(new UnresolvedStar(List.of(), 0));
    out.add(new UnresolvedStar(List.of("t"), 12));
    out.add(new Alias(new BinaryArithmetic(ArithmeticOp.ADD, AGE, Literal.of(1)), "age_plus_one", new ExprId(100)));
    out.add(new Cast(AGE, DataTypes.LongType, true));
    out.add(new Cast(NAME, new DecimalType(12, 4), false));
    for (ArithmeticOp op : ArithmeticOp.values()) {
      out.add(new BinaryArithmetic(op, AGE, Literal.of(7)));
    }
    out.add(new UnaryMinus(SALARY));
    for (ComparisonOp op : ComparisonOp.values()) {
      out.add(new Comparison(op, AGE, Literal.of(30)));
    }
    out.add(new And(AGE_GT_30, new IsNotNull(NAME)));
    out.add(new Or(AGE_GT_30, new IsNull(NAME)));
    out.add(new Not(AGE_GT_30));
    out.add(new IsNull(SALARY));
    out.add(new IsNotNull(SALARY));
    out.add(new In(AGE, List.of(Literal.of(1), Literal.of(2), Literal.nullOf(DataTypes.IntegerType))));
    out.add(new In(AGE, List.of()));
    out.add(new CaseWhen(List.of(new CaseWhen.Branch(AGE_GT_30, Literal.of("old")),
        new CaseWhen.Branch(new IsNull(AGE), Literal.of("unknown"))), Optional.of(Literal.of("young"))));
    out.add(new CaseWhen(List.of(new CaseWhen.Branch(AGE_GT_30, Literal.of(1))), Optional.empty()));
    out.add(ScalarFunction.of("upper", NAME));
    out.add(ScalarFunction.of("coalesce", AGE, Literal.of(0)));
    out.add(ScalarFunction.of("row_number"));
    for (AggregateFunction f : AggregateFunction.values()) {
      out.add(f.arity() == 2 ? AggregateCall.of(f, AGE, SALARY) : AggregateCall.of(f, AGE));
    }
    out.add(new AggregateCall(AggregateFunction.ANY_VALUE, List.of(NAME), true, true));
    out.add(new WindowExpression(ScalarFunction.of("lag", NAME, Literal.of(2), Literal.of("none")), List.of(DEPT),
        List.of(SortOrder.asc(AGE)), WindowFrame.DEFAULT_ORDERED));
    out.add(new WindowExpression(ScalarFunction.of("nth_value", AGE, Literal.of(3), Literal.of(true)),
        List.of(), List.of(SortOrder.asc(AGE)), new WindowFrame(WindowFrame.FrameType.ROWS, -2, 2)));
    out.add(new WindowExpression(AggregateCall.of(AggregateFunction.MAX_BY, NAME, AGE), List.of(DEPT),
        List.of(SortOrder.asc(AGE)), new WindowFrame(WindowFrame.FrameType.ROWS, -1, 1)));
    out.add(new AggregateCall(AggregateFunction.COUNT, List.of(), false, false));
    out.add(new AggregateCall(AggregateFunction.COUNT, List.of(AGE, NAME), true, false));
    out.add(new AggregateCall(AggregateFunction.FIRST, List.of(NAME), false, true));
    for (SortDirection d : SortDirection.values()) {
      for (NullOrdering n : NullOrdering.values()) {
        out.add(new SortOrder(AGE, d, n));
      }
    }
    out.add(new BoundReference(3, DataTypes.StringType, false));
    out.add(new BoundReference(0, new ArrayType(new DecimalType(5, 1), false), true));
    out.add(new WindowExpression(ScalarFunction.of("row_number"), List.of(DEPT), List.of(SortOrder.desc(SALARY)),
        new WindowFrame(WindowFrame.FrameType.ROWS, WindowFrame.UNBOUNDED_PRECEDING, WindowFrame.CURRENT_ROW)));
    out.add(new WindowExpression(AggregateCall.of(AggregateFunction.SUM, SALARY), List.of(), List.of(),
        WindowFrame.WHOLE_PARTITION));
    out.add(new WindowExpression(AggregateCall.of(AggregateFunction.AVG, AGE), List.of(DEPT, REGION),
        List.of(SortOrder.asc(AGE)), new WindowFrame(WindowFrame.FrameType.RANGE, -3, 5)));
    out.add(new WindowExpression(AggregateCall.of(AggregateFunction.MAX, AGE), List.of(DEPT), List.of(),
        WindowFrame.DEFAULT_ORDERED));
    out.add(new WindowExpression(AggregateCall.of(AggregateFunction.MIN, AGE), List.of(), List.of(), null));
    out.add(new UnresolvedFunction("my_function", List.of(UnresolvedAttribute.of("a"), Literal.of(1)), true));
    out.add(new UnresolvedFunction("now", List.of(), false));
    out.add(new ExtractValue(TAGS, Literal.of(0)));
    out.add(new ExtractValue(PROPS, Literal.of("k")));
    out.add(new ExtractValue(ADDRESS, Literal.of("city")));
    return out;
  }

  // ------------------------------------------------------------------ logical plans

  static final StructType PEOPLE_SCHEMA = new StructType()
      .add("id", DataTypes.LongType, false)
      .add("name", DataTypes.StringType)
      .add("age", DataTypes.IntegerType)
      .add("salary", new DecimalType(10, 2))
      .add("born", DataTypes.DateType)
      .add("tags", new ArrayType(DataTypes.StringType, true))
      .add("photo", DataTypes.BinaryType, true, Metadata.of(Map.of("comment", "jpeg bytes")));

  static List<List<Object>> peopleRows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList(1L, "Ana", 34, new BigDecimal("1234.50"), 19000, Arrays.asList("a", null), null));
    rows.add(Arrays.asList(2L, "Bo", null, new BigDecimal("-0.01"), null, List.of(), null));
    rows.add(Arrays.asList(3L, null, 29, null, -719162, null, null));
    return rows;
  }

  static LocalRelation people() {
    return LocalRelation.of(PEOPLE_SCHEMA, peopleRows());
  }

  static FileSource fileSource() {
    StructType data = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
    StructType partitions = new StructType().add("year", DataTypes.IntegerType).add("region", DataTypes.StringType);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("mergeSchema", "false");
    options.put("header", "true");
    return new FileSource("parquet", List.of("/data/events", "/data/more"), options, data, partitions, List.of(
        new FileSource.SourceFile("file:/data/events/year=2024/region=eu/part-0.parquet", 1024,
            List.of(2024, "eu")),
        new FileSource.SourceFile("file:/data/events/year=__HIVE_DEFAULT_PARTITION__/region=us/part-1.parquet",
            77, Arrays.asList(null, "us"))));
  }

  static FileRelation fileRelation() {
    FileSource source = fileSource();
    List<AttributeReference> output = List.of(ID, NAME, YEAR, REGION);
    return new FileRelation(source, output, List.of(new Comparison(ComparisonOp.EQ, YEAR, Literal.of(2024))));
  }

  static LocalRelation resolvedPeople() {
    List<AttributeReference> output = new ArrayList<>();
    long id = 200;
    for (StructField f : PEOPLE_SCHEMA.fieldList()) {
      output.add(attr(f.name(), f.dataType(), f.nullable(), id++));
    }
    return new LocalRelation(PEOPLE_SCHEMA, peopleRows(), output);
  }

  static List<LogicalPlan> logicalPlans() {
    LogicalPlan people = people();
    LogicalPlan resolved = resolvedPeople();
    List<LogicalPlan> out = new ArrayList<>();
    out.add(people);
    out.add(resolved);
    out.add(LocalRelation.of(new StructType(), List.of(List.of(), List.of())));
    out.add(Range.of(0, 100, 3, 4));
    out.add(new Range(-5, Long.MAX_VALUE, 7, 0, List.of(ID)));
    out.add(FileRelation.of(fileSource()));
    out.add(fileRelation());
    out.add(new CachedRelation(9, resolved, List.of(ID, NAME)));
    out.add(new Project(List.of(UnresolvedAttribute.of("name"), new Alias(Literal.of(1), "one", new ExprId(300))),
        people));
    out.add(new Filter(AGE_GT_30, resolved));
    out.add(new Aggregate(List.of(DEPT), List.of(DEPT,
        new Alias(AggregateCall.of(AggregateFunction.SUM, SALARY), "total", new ExprId(301))), resolved));
    out.add(new Aggregate(List.of(), List.of(new Alias(AggregateCall.of(AggregateFunction.COUNT, ID), "n",
        new ExprId(302))), resolved));
    out.add(Join.on(resolved, fileRelation(), JoinType.LEFT_OUTER, Optional.of(new Comparison(ComparisonOp.EQ, ID,
        ID))));
    out.add(Join.on(people, people, JoinType.CROSS, Optional.empty()));
    out.add(new Join(people, Range.of(0, 3, 1, 1), JoinType.INNER, Optional.empty(), List.of("id", "name")));
    for (JoinType t : JoinType.values()) {
      out.add(Join.on(people, people, t, Optional.of(Literal.TRUE)));
    }
    out.add(new Sort(List.of(SortOrder.asc(AGE), SortOrder.desc(NAME)), true, resolved));
    out.add(new Sort(List.of(SortOrder.asc(AGE)), false, resolved));
    out.add(new Limit(0, people));
    out.add(new Limit(Integer.MAX_VALUE, people));
    out.add(new Union(List.of(people, people, people), true, true));
    out.add(new Union(List.of(resolved, resolved), false, false));
    out.add(new Distinct(resolved));
    out.add(new Deduplicate(List.of(), resolved));
    out.add(new Deduplicate(List.of(NAME, AGE), resolved));
    out.add(new SubqueryAlias("p", people));
    out.add(new Repartition(0, true, List.of(), people));
    out.add(new Repartition(8, true, List.of(UnresolvedAttribute.of("dept")), people));
    out.add(new Repartition(2, false, List.of(), resolved));
    out.add(new Window(List.of(new Alias(new WindowExpression(ScalarFunction.of("row_number"), List.of(DEPT),
        List.of(SortOrder.desc(SALARY)), WindowFrame.DEFAULT_ORDERED), "rn", new ExprId(303))), List.of(DEPT),
        List.of(SortOrder.desc(SALARY)), resolved));
    out.add(new PlanIdMarker(77, people));
    out.add(new WithColumns(List.of("x", "y"), List.of(Literal.of(1), UnresolvedAttribute.of("age")), people));
    out.add(new WithColumnsRenamed(List.of("age", "name"), List.of("years", "who"), people));
    out.add(new Drop(List.of("tags", "not.a.path"), List.of(UnresolvedAttribute.of("photo")), people));
    return out;
  }

  // ------------------------------------------------------------------ physical plans

  static List<Partitioning> partitionings() {
    return List.of(new Partitioning.Single(), new Partitioning.Hash(List.of(DEPT, new Cast(AGE, DataTypes.LongType,
        false)), 8), new Partitioning.Hash(List.of(), 1), new Partitioning.RoundRobin(3), new Partitioning.Unknown(5));
  }

  static FileScanExec fileScan() {
    FileSource source = fileSource();
    List<ScanPartition> partitions = List.of(
        new ScanPartition(List.of(
            new ScanSplit(source.files().get(0).path(), 0, 512, 1024, List.of(2024, "eu")),
            new ScanSplit(source.files().get(1).path(), 0, 77, 77, Arrays.asList(null, "us")))),
        new ScanPartition(List.of(new ScanSplit(source.files().get(0).path(), 512, 512, 1024, List.of(2024, "eu")))),
        new ScanPartition(List.of()));
    return new FileScanExec(source, List.of(ID, NAME, YEAR, REGION), List.of(new IsNotNull(ID)), partitions);
  }

  static LocalTableScanExec localScan() {
    return new LocalTableScanExec(resolvedPeople().output(), peopleRows(), 2);
  }

  static List<PhysicalPlan> physicalPlans() {
    PhysicalPlan scan = localScan();
    AggregateCall sum = AggregateCall.of(AggregateFunction.SUM, SALARY);
    AggregateCall avg = AggregateCall.of(AggregateFunction.AVG, AGE);
    List<AttributeReference> aggAttrs = List.of(attr("sum(salary)", sum.dataType(), true, 400),
        attr("avg(age)", DataTypes.DoubleType, true, 401));
    List<AttributeReference> buffers = List.of(attr("sum", sum.dataType(), true, 402),
        attr("sum", DataTypes.DoubleType, true, 403), attr("count", DataTypes.LongType, false, 404));
    List<Expression> results = List.of(DEPT, new Alias(aggAttrs.get(0), "total", new ExprId(405)),
        new Alias(aggAttrs.get(1), "avg_age", new ExprId(406)));
    HashAggregateExec partial = new HashAggregateExec(AggregateMode.PARTIAL, List.of(DEPT), List.of(sum, avg),
        aggAttrs, buffers, results, scan);

    List<PhysicalPlan> out = new ArrayList<>();
    out.add(fileScan());
    out.add(new FileScanExec(fileSource(), List.of(), List.of(), List.of()));
    out.add(scan);
    out.add(new LocalTableScanExec(List.of(), List.of(), 1));
    out.add(new RangeExec(0, 1000, 10, 4, List.of(ID)));
    out.add(new InMemoryScanExec(12, List.of(ID, NAME), 3));
    for (Partitioning p : partitionings()) {
      out.add(new ShuffleReadExec(2, List.of(DEPT, AGE), p));
      out.add(new ShuffleExchangeExec(p, scan));
    }
    out.add(new BroadcastReadExec(4, List.of(ID, NAME)));
    out.add(new ProjectExec(List.of(NAME, new Alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, AGE, Literal.of(2)),
        "double_age", new ExprId(407))), scan));
    out.add(new FilterExec(AGE_GT_30, scan));
    out.add(partial);
    out.add(new HashAggregateExec(AggregateMode.FINAL, List.of(DEPT), List.of(sum, avg), aggAttrs, buffers, results,
        new ShuffleExchangeExec(new Partitioning.Hash(List.of(DEPT), 4), partial)));
    out.add(new HashAggregateExec(AggregateMode.COMPLETE, List.of(),
        List.of(new AggregateCall(AggregateFunction.COUNT, List.of(NAME), true, false)),
        List.of(attr("count(DISTINCT name)", DataTypes.LongType, false, 408)), List.of(),
        List.of(new Alias(attr("count(DISTINCT name)", DataTypes.LongType, false, 408), "n", new ExprId(409))), scan));
    // The middle phase of a global DISTINCT aggregation: sum merges buffers, avg reads rows.
    out.add(new HashAggregateExec(AggregateMode.PARTIAL, List.of(), List.of(sum, avg), aggAttrs, buffers,
        List.of(true, false), List.of(), partial));
    out.add(new SortExec(List.of(SortOrder.asc(AGE), new SortOrder(NAME, SortDirection.DESCENDING,
        NullOrdering.NULLS_FIRST)), true, scan));
    out.add(new TopNExec(10, List.of(SortOrder.desc(SALARY)), scan));
    out.add(new LimitExec(5, false, scan));
    out.add(new LimitExec(5, true, scan));
    out.add(new BroadcastExchangeExec(scan));
    out.add(new CoalesceExec(1, scan));
    out.add(new WindowExec(List.of(new Alias(new WindowExpression(ScalarFunction.of("rank"), List.of(DEPT),
        List.of(SortOrder.desc(SALARY)), WindowFrame.DEFAULT_ORDERED), "rk", new ExprId(410))), List.of(DEPT),
        List.of(SortOrder.desc(SALARY)), new SortExec(List.of(SortOrder.asc(DEPT), SortOrder.desc(SALARY)), false,
        scan)));
    Map<String, String> writeOptions = new LinkedHashMap<>();
    writeOptions.put("compression", "snappy");
    writeOptions.put("header", "true");
    out.add(new WriteFilesExec(new WriteSpec("parquet", writeOptions, List.of("dept"), "file:/out/table",
        "file:/out/table/_temporary/job-1", "job-1"), scan));
    out.add(new WriteFilesExec(new WriteSpec("csv", Map.of(), List.of(), "", "", ""), scan));
    for (BuildSide side : BuildSide.values()) {
      out.add(new HashJoinExec(List.of(ID), List.of(new Cast(YEAR, DataTypes.LongType, false)), JoinType.INNER, side,
          Optional.of(AGE_GT_30), true, scan, new BroadcastReadExec(1, List.of(YEAR))));
      out.add(new NestedLoopJoinExec(JoinType.LEFT_OUTER, side, Optional.of(AGE_GT_30), scan,
          new BroadcastReadExec(1, List.of(YEAR))));
    }
    out.add(new HashJoinExec(List.of(ID, NAME), List.of(ID, NAME), JoinType.FULL_OUTER, BuildSide.RIGHT,
        Optional.empty(), false, new ShuffleReadExec(0, List.of(ID, NAME), new Partitioning.Hash(List.of(ID, NAME), 4)),
        new ShuffleReadExec(1, List.of(ID, NAME), new Partitioning.Hash(List.of(ID, NAME), 4))));
    out.add(new NestedLoopJoinExec(JoinType.CROSS, BuildSide.RIGHT, Optional.empty(), scan, scan));
    out.add(new UnionExec(List.of(scan, new RangeExec(0, 3, 1, 1, List.of(ID)), fileScan())));
    return out;
  }
}
