package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.functions.FunctionRegistry;
import dev.quiver.sql.QuiverThrowable;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Builds small input batches from Java values, evaluates bound expressions over them and reads the result
 * back in internal form. Every test gets a fresh allocator that must be empty again afterwards: a leaked
 * vector fails the test.
 */
abstract class ExpressionTestBase {
  protected BufferAllocator allocator;
  protected ZoneId zone = ZoneOffset.UTC;
  /** 2024-03-15 12:34:56.789 UTC, the query's "now". */
  protected long now = 1_710_506_096_789_000L;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator(Long.MAX_VALUE);
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  protected EvalContext ctx() {
    return new EvalContext(allocator, zone, now);
  }

  /** A vector of {@code type} holding {@code values} (internal form, null for SQL NULL). */
  protected FieldVector vector(DataType type, Object... values) {
    FieldVector v = Vectors.create("c", type, allocator);
    v.setInitialCapacity(Math.max(values.length, 1));
    v.allocateNew();
    for (int i = 0; i < values.length; i++) {
      InternalValues.write(v, i, values[i]);
    }
    v.setValueCount(values.length);
    return v;
  }

  protected Batch batch(FieldVector... columns) {
    int rows = columns.length == 0 ? 1 : columns[0].getValueCount();
    return new Batch(List.of(columns), rows);
  }

  protected static BoundReference col(int ordinal, DataType type) {
    return new BoundReference(ordinal, type, true);
  }

  protected static Literal lit(Object value, DataType type) {
    return new Literal(value, type);
  }

  protected static Literal lit(int v) {
    return Literal.of(v);
  }

  protected static Literal lit(long v) {
    return Literal.of(v);
  }

  protected static Literal lit(double v) {
    return Literal.of(v);
  }

  protected static Literal lit(String v) {
    return Literal.of(v);
  }

  protected static Literal lit(boolean v) {
    return Literal.of(v);
  }

  protected static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  protected static DecimalType decimal(int p, int s) {
    return new DecimalType(p, s);
  }

  protected static int date(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  protected static long ts(String isoUtc) {
    java.time.LocalDateTime t = java.time.LocalDateTime.parse(isoUtc.replace(' ', 'T'));
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
  }

  protected static Expression arith(ArithmeticOp op, Expression l, Expression r) {
    return new BinaryArithmetic(op, l, r);
  }

  protected static Expression cmp(ComparisonOp op, Expression l, Expression r) {
    return new Comparison(op, l, r);
  }

  protected static Expression cast(Expression e, DataType to) {
    return new Cast(e, to, true);
  }

  /** A function call with the analyzer's argument coercion applied, as the executor receives it. */
  protected static Expression fn(String name, Expression... args) {
    List<Expression> coerced = FunctionRegistry.scalar(name).coerce(Arrays.asList(args));
    return new ScalarFunction(name, coerced);
  }

  /** Evaluates {@code e} over {@code input} (closed afterwards) and returns the values. */
  protected List<Object> eval(Expression e, Batch input) {
    try (input; VectorEvaluator ev = ExpressionCompiler.compile(e); FieldVector out = ev.evaluate(input, ctx())) {
      assertEquals(input.rowCount(), out.getValueCount(), "result value count");
      assertEquals(e.dataType(), ev.dataType(), "evaluator type");
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < out.getValueCount(); i++) {
        values.add(InternalValues.read(out, i));
      }
      return values;
    }
  }

  /** Evaluates over a one-column input. */
  protected List<Object> eval(Expression e, DataType type, Object... values) {
    return eval(e, batch(vector(type, values)));
  }

  /** The value of an expression that reads no column (evaluated over one row). */
  protected Object eval1(Expression e) {
    return eval(e, new Batch(List.of(), 1)).get(0);
  }

  /** Applies a one-argument function-like builder to a single value of {@code type}. */
  protected Object apply(java.util.function.Function<Expression, Expression> f, DataType type, Object value) {
    return eval(f.apply(col(0, type)), type, value).get(0);
  }

  protected <T extends Throwable> T assertError(String errorClass, Executable run) {
    Throwable t = assertThrows(Throwable.class, run);
    if (!(t instanceof QuiverThrowable q) || !errorClass.equals(q.getErrorClass())) {
      throw new AssertionError("expected error class " + errorClass + " but got " + t, t);
    }
    @SuppressWarnings("unchecked")
    T typed = (T) t;
    return typed;
  }

  protected static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }

  protected static final DataType INT = DataTypes.IntegerType;
  protected static final DataType LONG = DataTypes.LongType;
  protected static final DataType DOUBLE = DataTypes.DoubleType;
  protected static final DataType FLOAT = DataTypes.FloatType;
  protected static final DataType STRING = DataTypes.StringType;
  protected static final DataType BOOL = DataTypes.BooleanType;
  protected static final DataType DATE = DataTypes.DateType;
  protected static final DataType TIMESTAMP = DataTypes.TimestampType;
  protected static final DataType SHORT = DataTypes.ShortType;
  protected static final DataType BYTE = DataTypes.ByteType;
  protected static final DataType BINARY = DataTypes.BinaryType;
}
