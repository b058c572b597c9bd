package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for the analyzed plans the rule tests start from. */
final class TestPlans {
  private TestPlans() {}

  /** An unpartitioned Parquet scan of one file with the given columns, output freshly assigned. */
  static FileRelation scan(String ddl) {
    return scan(ddl, 1000);
  }

  /** As {@link #scan(String)}, of a file of {@code bytes} bytes (what size estimates start from). */
  static FileRelation scan(String ddl, long bytes) {
    FileSource source = new FileSource("parquet", List.of("/data/t"), Map.of(), StructType.fromDDL(ddl),
        new StructType(), List.of(new FileSource.SourceFile("/data/t/part-0.parquet", bytes, List.of())));
    return FileRelation.of(source).withFreshOutput();
  }

  /** A scan partitioned by the columns of {@code partitionDdl}, with one file per value list. */
  static FileRelation partitionedScan(String dataDdl, String partitionDdl, List<List<Object>> partitionValues) {
    List<FileSource.SourceFile> files = new ArrayList<>();
    for (int i = 0; i < partitionValues.size(); i++) {
      files.add(new FileSource.SourceFile("/data/t/f" + i + ".parquet", 1000, partitionValues.get(i)));
    }
    FileSource source = new FileSource("parquet", List.of("/data/t"), Map.of(), StructType.fromDDL(dataDdl),
        StructType.fromDDL(partitionDdl), files);
    return FileRelation.of(source).withFreshOutput();
  }

  static LocalRelation local(String ddl, List<List<Object>> rows) {
    return LocalRelation.of(StructType.fromDDL(ddl), rows).withFreshOutput();
  }

  static LocalRelation emptyLocal(String ddl) {
    return local(ddl, List.of());
  }

  @SafeVarargs
  static List<List<Object>> rows(List<Object>... rows) {
    return Arrays.asList(rows);
  }

  /** The output column of {@code plan} named {@code name}. */
  static AttributeReference col(LogicalPlan plan, String name) {
    for (AttributeReference a : plan.output()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("No column " + name + " in " + plan.output());
  }

  static List<Expression> list(Expression... es) {
    return List.of(es);
  }

  static Literal lit(int v) {
    return Literal.of(v);
  }

  static Literal lit(String v) {
    return Literal.of(v);
  }

  static Expression eq(Expression l, Expression r) {
    return new Comparison(ComparisonOp.EQ, l, r);
  }

  static Expression gt(Expression l, Expression r) {
    return new Comparison(ComparisonOp.GT, l, r);
  }

  static Expression lt(Expression l, Expression r) {
    return new Comparison(ComparisonOp.LT, l, r);
  }

  static Expression and(Expression first, Expression... rest) {
    Expression acc = first;
    for (Expression e : rest) {
      acc = new And(acc, e);
    }
    return acc;
  }

  static Alias alias(Expression e, String name) {
    return new Alias(e, name);
  }
}
