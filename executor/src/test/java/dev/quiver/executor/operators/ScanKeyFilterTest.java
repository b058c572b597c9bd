package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FormatOptions;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.planner.physical.ScanPartition;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcast join hands its build keys to the Parquet scan below its other input, which then returns only the
 * rows whose key has a match (fewer rows read), with the same answer as without; joins that keep unmatched
 * rows of that input, and keys the scan does not read unchanged, leave the scan alone.
 */
class ScanKeyFilterTest extends OperatorTestBase {
  private static final StructType DATA = new StructType().add("a", DataTypes.IntegerType)
      .add("b", DataTypes.StringType).add("c", DataTypes.DoubleType);
  private static final int ROWS = 3000;
  private static final int BROADCAST = 7;

  @TempDir
  Path dir;

  private final AttributeReference a = attr("a", DataTypes.IntegerType);
  private final AttributeReference b = attr("b", DataTypes.StringType);
  private final AttributeReference c = attr("c", DataTypes.DoubleType);
  private final AttributeReference k = attr("k", DataTypes.IntegerType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final List<Batch> broadcast = new ArrayList<>();
  private BroadcastHashTables tables;

  @AfterEach
  void release() {
    if (tables != null) {
      tables.close();
    }
    broadcast.forEach(Batch::close);
  }

  private FileScanExec scan() throws Exception {
    Path p = dir.resolve("facts.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(row(i % 100 == 3 ? null : i, "b" + i, i * 0.5));
    }
    try (BatchWriter w = FileFormats.get("parquet").create(p.toString(), DATA, FormatOptions.empty(), allocator);
        Batch batch = batch(List.of(a, b, c), rows); VectorSchemaRoot root = batch.asRoot()) {
      w.write(root);
    }
    long length = Files.size(p);
    ScanSplit split = new ScanSplit(p.toString(), 0, length, length, List.of());
    FileSource source = new FileSource("parquet", List.of(p.toString()), java.util.Map.of(), DATA, new StructType(),
        List.of(new FileSource.SourceFile(p.toString(), length, List.of())));
    return new FileScanExec(source, List.of(a, b, c), List.of(), List.of(new ScanPartition(List.of(split))));
  }

  private TaskContext task() {
    broadcast.add(batch(List.of(k, name), List.of(row(5, "five"), row(17, "seventeen"), row(2999, "last"),
        row(null, "none"), row(3, "three"))));
    tables = new BroadcastHashTables(allocator);
    TaskInputs inputs = new TaskInputs() {
      @Override
      public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
        throw new UnsupportedOperationException("this test's plans read no shuffle and no cache");
      }

      @Override
      public List<Batch> broadcast(int stageId) {
        return broadcast;
      }

      @Override
      public BroadcastHashTables broadcastTables(int stageId) {
        return tables;
      }

      @Override
      public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
        throw new UnsupportedOperationException("this test's plans read no shuffle and no cache");
      }
    };
    return ctx(allocator, 1024, inputs);
  }

  private HashJoinExec join(JoinType type, List<Expression> streamKeys, PhysicalPlan stream) {
    return new HashJoinExec(streamKeys, List.of(k), type, BuildSide.RIGHT, Optional.empty(), true, stream,
        new BroadcastReadExec(BROADCAST, List.of(k, name)));
  }

  /** The join's rows, and how many rows the scan returned. */
  private record Run(List<String> rows, long rowsRead) {}

  private Run run(PhysicalPlan plan, boolean scanKeyFilters) {
    TaskContext ctx = task();
    try (Operator op = new OperatorBuilder(ctx, scanKeyFilters).build(plan, 0)) {
      List<String> rows = collect(op).stream().map(Object::toString).sorted().toList();
      return new Run(rows, ctx.rowsRead());
    } finally {
      release();
      broadcast.clear();
      tables = null;
    }
  }

  @Test
  void anInnerJoinsScanReadsOnlyRowsWhoseKeyTheBuildHas() throws Exception {
    // Through a projection that renames the key, as the planner's column pruning leaves it.
    AttributeReference renamed = attr("id", DataTypes.IntegerType);
    PhysicalPlan stream = new ProjectExec(List.of(new Alias(a, "id", renamed.exprId()), c), scan());
    HashJoinExec plan = join(JoinType.INNER, List.of(renamed), stream);
    Run with = run(plan, true);
    Run without = run(plan, false);
    assertEquals(List.of("[17, 8.5, 17, seventeen]", "[2999, 1499.5, 2999, last]", "[5, 2.5, 5, five]"), with.rows(),
        "row 3's key is null and matches nothing");
    assertEquals(without.rows(), with.rows());
    assertEquals(ROWS, without.rowsRead());
    assertEquals(3, with.rowsRead(), "only the rows whose key the build side has");
  }

  @Test
  void aLeftSemiJoinFiltersItsScanButAnOuterJoinKeepsEveryRow() throws Exception {
    FileScanExec scan = scan();
    Run semi = run(join(JoinType.LEFT_SEMI, List.of(a), scan), true);
    assertEquals(List.of("[17, b17, 8.5]", "[2999, b2999, 1499.5]", "[5, b5, 2.5]"), semi.rows());
    assertEquals(3, semi.rowsRead());
    Run outer = run(join(JoinType.LEFT_OUTER, List.of(a), scan), true);
    assertEquals(ROWS, outer.rows().size());
    assertEquals(ROWS, outer.rowsRead(), "every left row is in a left outer join's output");
    Run anti = run(join(JoinType.LEFT_ANTI, List.of(a), scan), true);
    assertEquals(ROWS - 3, anti.rows().size());
    assertEquals(ROWS, anti.rowsRead());
  }

  @Test
  void aComputedKeyLeavesTheScanAlone() throws Exception {
    Expression plusZero = new BinaryArithmetic(ArithmeticOp.ADD, a, Literal.of(0));
    Run run = run(join(JoinType.INNER, List.of(plusZero), scan()), true);
    assertEquals(3, run.rows().size());
    assertEquals(ROWS, run.rowsRead());
  }
}
