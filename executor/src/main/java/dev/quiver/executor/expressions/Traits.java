package dev.quiver.executor.expressions;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import dev.quiver.executor.expressions.functions.FunctionKernels;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the compiler needs to know about a subtree before choosing how to evaluate it lazily: whether it may
 * raise an ANSI error (then it must only see the rows Spark evaluates it for), whether it is cheap enough to
 * evaluate on every row, which columns it reads, and whether it reads any column at all.
 */
final class Traits {
  private Traits() {}

  static boolean canFail(Expression e) {
    if (e instanceof Literal || e instanceof BoundReference) {
      return false;
    }
    boolean self;
    if (e instanceof Alias || e instanceof Comparison || e instanceof And || e instanceof Or || e instanceof Not
        || e instanceof IsNull || e instanceof IsNotNull || e instanceof In || e instanceof CaseWhen) {
      self = false;
    } else if (e instanceof Cast c) {
      self = castCanFail(c.child().dataType(), c.dataType());
    } else if (e instanceof BinaryArithmetic b) {
      DataType t = b.left().dataType();
      boolean floating = t instanceof DoubleType || t instanceof FloatType;
      self = !(floating && (b.op() == ArithmeticOp.ADD || b.op() == ArithmeticOp.SUBTRACT
          || b.op() == ArithmeticOp.MULTIPLY));
    } else if (e instanceof UnaryMinus u) {
      DataType t = u.dataType();
      self = !(t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType);
    } else if (e instanceof ScalarFunction f) {
      self = !FunctionKernels.cannotFail(f);
    } else if (e instanceof ExtractValue x) {
      self = x.child().dataType() instanceof ArrayType;
    } else {
      self = true;
    }
    if (self) {
      return true;
    }
    for (Expression c : e.children()) {
      if (canFail(c)) {
        return true;
      }
    }
    return false;
  }

  /** Casts that succeed for every input value. */
  static boolean castCanFail(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
      return false;
    }
    int rf = integralRank(from);
    int rt = integralRank(to);
    if (rf > 0 && rt > 0) {
      return rt < rf;
    }
    if ((rf > 0 || from instanceof FloatType || from instanceof DecimalType || from instanceof BooleanType)
        && (to instanceof DoubleType || to instanceof FloatType)) {
      return false;
    }
    if (from instanceof DoubleType && to instanceof FloatType || from instanceof FloatType && to instanceof DoubleType) {
      return false;
    }
    if (to instanceof DecimalType d) {
      int intDigits = d.precision() - d.scale();
      if (rf > 0) {
        return intDigits < new int[] {0, 3, 5, 10, 20}[rf];
      }
      if (from instanceof DecimalType s) {
        return intDigits <= s.precision() - s.scale();
      }
      return true;
    }
    if (from instanceof BooleanType && rt > 0 || to instanceof BooleanType && isNumeric(from)) {
      return false;
    }
    boolean fromTime = from instanceof DateType || from instanceof TimestampType || from instanceof TimestampNTZType;
    boolean toTime = to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType;
    return !(fromTime && toTime);
  }

  private static boolean isNumeric(DataType t) {
    return integralRank(t) > 0 || t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType;
  }

  private static int integralRank(DataType t) {
    if (t instanceof ByteType) {
      return 1;
    }
    if (t instanceof ShortType) {
      return 2;
    }
    if (t instanceof IntegerType) {
      return 3;
    }
    if (t instanceof LongType) {
      return 4;
    }
    return 0;
  }

  /** Expressions made of column reads, literals, arithmetic, comparisons and primitive casts. */
  static boolean cheap(Expression e) {
    boolean self = e instanceof Literal || e instanceof BoundReference || e instanceof Alias
        || e instanceof Comparison || e instanceof And || e instanceof Or || e instanceof Not
        || e instanceof IsNull || e instanceof IsNotNull || e instanceof BinaryArithmetic
        || e instanceof UnaryMinus
        || e instanceof Cast c && !(c.child().dataType() instanceof StringType) && !(c.dataType() instanceof StringType);
    if (!self) {
      return false;
    }
    for (Expression c : e.children()) {
      if (!cheap(c)) {
        return false;
      }
    }
    return true;
  }

  /** The input columns a bound expression reads. */
  static int[] ordinals(Expression e) {
    Set<Integer> seen = new TreeSet<>();
    for (BoundReference b : Expressions.collect(e, BoundReference.class)) {
      seen.add(b.ordinal());
    }
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * True when the value does not depend on the row: no column is read, and nothing draws a new value per row
   * (rand(42) reads no column, but is not a constant).
   */
  static boolean rowIndependent(Expression e) {
    return !Expressions.exists(e, x -> x instanceof BoundReference || x instanceof AttributeReference
        || !x.resolved() || x instanceof ScalarFunction f && !f.spec().deterministic());
  }
}
