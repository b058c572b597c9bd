package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Times {@code a * 2 + b > 100 AND s LIKE 'x%'} over 10M rows in batches of 8192 and prints rows/s; then,
 * for reference, two TPC-H shapes: Q1's {@code price * (1 - discount) * (1 + tax)} on decimal(15,2) and Q6's
 * date/decimal range filter; then Spark's hash and xxhash64 of (int, string), md5 of a string, and try_divide.
 * Not a test (timings are never asserted); run with
 * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp <test classpath>
 * dev.quiver.executor.expressions.ExpressionBench} (-Dbench.rounds=N for more rounds).
 */
public final class ExpressionBench {
  private static final int BATCH = 8192;
  private static final long ROWS = 10_000_000L;
  private static final int DISTINCT_BATCHES = 16;
  private static final DecimalType PRICE = new DecimalType(15, 2);

  private ExpressionBench() {}

  public static void main(String[] args) {
    int rounds = Integer.getInteger("bench.rounds", 5);
    try (BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE)) {
      List<Batch> batches = new ArrayList<>();
      Random random = new Random(42);
      for (int k = 0; k < DISTINCT_BATCHES; k++) {
        batches.add(batch(allocator, random));
      }
      try {
        EvalContext ctx = new EvalContext(allocator, ZoneOffset.UTC, 0L);
        measure("a * 2 + b > 100 AND s LIKE 'x%'", headline(), batches, ctx, rounds);
        measure("TPC-H Q1 price * (1 - discount) * (1 + tax)", q1(), batches, ctx, rounds);
        measure("TPC-H Q6 date, decimal and quantity ranges", q6(), batches, ctx, rounds);
        Expression a = new BoundReference(0, DataTypes.IntegerType, true);
        Expression b = new BoundReference(1, DataTypes.IntegerType, true);
        Expression s = new BoundReference(2, DataTypes.StringType, true);
        measure("hash(a, s)", call("hash", a, s), batches, ctx, rounds);
        measure("xxhash64(a, s)", call("xxhash64", a, s), batches, ctx, rounds);
        measure("md5(s)", call("md5", s), batches, ctx, rounds);
        measure("try_divide(a, b), 1% zero divisors", call("try_divide", a, b), batches, ctx, rounds);
      } finally {
        batches.forEach(Batch::close);
      }
    }
  }

  private static Expression headline() {
    Expression a = new BoundReference(0, DataTypes.IntegerType, true);
    Expression b = new BoundReference(1, DataTypes.IntegerType, true);
    Expression s = new BoundReference(2, DataTypes.StringType, true);
    return new And(
        new Comparison(ComparisonOp.GT,
            new BinaryArithmetic(ArithmeticOp.ADD, new BinaryArithmetic(ArithmeticOp.MULTIPLY, a, Literal.of(2)), b),
            Literal.of(100)),
        ScalarFunction.of("like", s, Literal.of("x%")));
  }

  /** A registered function with the analyzer's argument coercion applied. */
  private static Expression call(String name, Expression... args) {
    return new ScalarFunction(name, dev.quiver.planner.functions.FunctionRegistry.scalar(name)
        .coerce(List.of(args)));
  }

  private static Expression decimalColumn(int ordinal) {
    return new BoundReference(ordinal, PRICE, true);
  }

  private static Expression q1() {
    Expression one = new Literal(BigDecimal.ONE, new DecimalType(10, 0));
    return new BinaryArithmetic(ArithmeticOp.MULTIPLY,
        new BinaryArithmetic(ArithmeticOp.MULTIPLY, decimalColumn(3),
            new BinaryArithmetic(ArithmeticOp.SUBTRACT, one, decimalColumn(4))),
        new BinaryArithmetic(ArithmeticOp.ADD, one, decimalColumn(5)));
  }

  private static Expression decimalLiteral(String v) {
    BigDecimal d = new BigDecimal(v);
    return new Cast(new Literal(d, new DecimalType(Math.max(d.precision(), d.scale()), d.scale())), PRICE, false);
  }

  private static Expression q6() {
    Expression ship = new BoundReference(6, DataTypes.DateType, true);
    Expression discount = decimalColumn(4);
    return new And(new And(new And(
        new Comparison(ComparisonOp.GTE, ship, new Literal(8766, DataTypes.DateType)),
        new Comparison(ComparisonOp.LT, ship, new Literal(9131, DataTypes.DateType))),
        new And(new Comparison(ComparisonOp.GTE, discount, decimalLiteral("0.05")),
            new Comparison(ComparisonOp.LTE, discount, decimalLiteral("0.07")))),
        new Comparison(ComparisonOp.LT, decimalColumn(3), decimalLiteral("24")));
  }

  private static void measure(String label, Expression e, List<Batch> batches, EvalContext ctx, int rounds) {
    try (VectorEvaluator ev = ExpressionCompiler.compile(e)) {
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        long done = 0;
        int k = 0;
        while (done < ROWS) {
          Batch in = batches.get(k++ % batches.size());
          try (FieldVector out = ev.evaluate(in, ctx)) {
            done += out.getValueCount();
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, round %d: %,d rows in %.3f s = %,.0f rows/s%n", label, round, done, seconds,
            done / seconds);
      }
    }
  }

  private static Batch batch(BufferAllocator allocator, Random random) {
    IntVector a = new IntVector("a", allocator);
    IntVector b = new IntVector("b", allocator);
    VarCharVector s = new VarCharVector("s", allocator);
    DecimalVector price = new DecimalVector("price", allocator, 15, 2);
    DecimalVector discount = new DecimalVector("discount", allocator, 15, 2);
    DecimalVector tax = new DecimalVector("tax", allocator, 15, 2);
    DateDayVector ship = new DateDayVector("ship", allocator);
    a.allocateNew(BATCH);
    b.allocateNew(BATCH);
    s.allocateNew(BATCH * 8L, BATCH);
    price.allocateNew(BATCH);
    discount.allocateNew(BATCH);
    tax.allocateNew(BATCH);
    ship.allocateNew(BATCH);
    for (int i = 0; i < BATCH; i++) {
      if (random.nextInt(100) == 0) {
        a.setNull(i);
      } else {
        a.set(i, random.nextInt(200));
      }
      b.set(i, random.nextInt(100));
      String v = (random.nextBoolean() ? "x" : "y") + Integer.toString(random.nextInt(1_000_000), 36);
      s.setSafe(i, v.getBytes(StandardCharsets.UTF_8));
      price.set(i, BigDecimal.valueOf(90_000 + random.nextInt(10_000_000), 2));
      discount.set(i, BigDecimal.valueOf(random.nextInt(11), 2));
      tax.set(i, BigDecimal.valueOf(random.nextInt(9), 2));
      ship.set(i, 8000 + random.nextInt(2500));
    }
    List<FieldVector> columns = List.of(a, b, s, price, discount, tax, ship);
    for (FieldVector v : columns) {
      v.setValueCount(BATCH);
    }
    return new Batch(columns, BATCH);
  }
}
