package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.expressions.functions.FunctionKernels;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.functions.FunctionRegistry;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CompilerCoverageTest extends ExpressionTestBase {
  /** Window-only functions (row_number, lag, ...): the window operator computes them, no kernel does. */
  private static final Set<String> WINDOW_ONLY = new TreeSet<>(FunctionRegistry.scalarNames().stream()
      .filter(n -> FunctionRegistry.scalar(n).windowOnly()).toList());

  /**
   * The kinds of argument a sample call is built from, in the order they are tried: a string column (strings
   * coerce to numbers, dates, timestamps and binary), an array column, an integer constant (for arguments that
   * must be constant, such as rand's seed), a type name (try_cast's target) and a flag (sort_array's order).
   */
  private static final List<Expression> ARGUMENT_KINDS = List.of(col(1, DataTypes.StringType),
      col(0, new ArrayType(DataTypes.IntegerType, true)), lit(1), lit("INT"), lit(true));

  /** Arguments of the right arity and a type each function accepts. */
  private static List<Expression> sampleArgs(String name) {
    return switch (name) {
      case "array_contains" -> List.of(col(0, new ArrayType(DataTypes.IntegerType, true)), lit(1));
      case "substring", "lpad", "rpad", "regexp_extract", "split", "locate" -> List.of(col(1, DataTypes.StringType),
          lit("1"), lit(1));
      case "regexp_replace" -> List.of(col(1, DataTypes.StringType), lit("a"), lit("b"), lit(1));
      case "repeat" -> List.of(col(1, DataTypes.StringType), lit(2));
      case "round", "bround" -> List.of(col(2, DataTypes.DoubleType), lit(1));
      case "date_add", "date_sub", "add_months" -> List.of(col(3, DataTypes.DateType), lit(1));
      default -> firstAccepted(name);
    };
  }

  /** The fewest arguments, each of the earliest kind, that the function accepts. */
  private static List<Expression> firstAccepted(String name) {
    for (int arity = 0; arity <= 4; arity++) {
      int combinations = (int) Math.pow(ARGUMENT_KINDS.size(), arity);
      for (int c = 0; c < combinations; c++) {
        List<Expression> args = new ArrayList<>();
        for (int i = 0, rest = c; i < arity; i++, rest /= ARGUMENT_KINDS.size()) {
          args.add(ARGUMENT_KINDS.get(rest % ARGUMENT_KINDS.size()));
        }
        try {
          FunctionRegistry.scalar(name).coerce(args);
          return args;
        } catch (RuntimeException e) {
          // try the next combination
        }
      }
    }
    throw new AssertionError("no sample arguments of the kinds " + ARGUMENT_KINDS + " type-check for " + name);
  }

  @Test
  void everyRegisteredFunctionCompilesAndRuns() {
    Set<String> expected = new TreeSet<>(FunctionRegistry.scalarNames());
    expected.removeAll(WINDOW_ONLY);
    assertEquals(expected, new TreeSet<>(FunctionKernels.names()), "kernels must cover the registry");
    for (String name : expected) {
      Expression call;
      try {
        call = fn(name, sampleArgs(name).toArray(new Expression[0]));
      } catch (RuntimeException e) {
        throw new AssertionError("sample arguments for " + name + " do not type-check", e);
      }
      // Evaluate over one all-null row of each column type: every kernel must handle nulls.
      DataType[] types = {new ArrayType(DataTypes.IntegerType, true), DataTypes.StringType, DataTypes.DoubleType,
          DataTypes.DateType};
      try (VectorEvaluator ev = ExpressionCompiler.compile(call)) {
        assertEquals(call.dataType(), ev.dataType(), name);
        var input = batch(vector(types[0], (Object) null), vector(types[1], (Object) null),
            vector(types[2], (Object) null), vector(types[3], (Object) null));
        try (input; var out = ev.evaluate(input, ctx())) {
          assertEquals(1, out.getValueCount(), name);
        }
      }
    }
  }

  @Test
  void windowOnlyFunctionsAreNotCompilable() {
    for (String name : WINDOW_ONLY) {
      List<Expression> args = switch (name) {
        case "ntile", "lag", "lead" -> List.of(lit(2));
        case "nth_value" -> List.of(lit(1), lit(2));
        default -> List.of();
      };
      PlanningException e = assertThrows(PlanningException.class,
          () -> ExpressionCompiler.compile(new ScalarFunction(name, args)));
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void nonRowExpressionsAreRejected() {
    AttributeReference a = AttributeReference.create("a", DataTypes.IntegerType, true);
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(a));
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(UnresolvedAttribute.of("a")));
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(
        AggregateCall.of(AggregateFunction.SUM, col(0, DataTypes.LongType))));
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(SortOrder.asc(col(0, INT))));
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(new WindowExpression(
        AggregateCall.of(AggregateFunction.SUM, col(0, DataTypes.LongType)), List.of(), List.of(),
        WindowFrame.WHOLE_PARTITION)));
    // A row-independent subtree with an aggregate inside is rejected at compile time too.
    assertThrows(PlanningException.class, () -> ExpressionCompiler.compile(new Alias(
        arith(dev.quiver.planner.expressions.ArithmeticOp.ADD, lit(1L),
            AggregateCall.of(AggregateFunction.COUNT, lit(1))), "x")));
  }

  @Test
  void aliasCompilesToItsChildAndColumnsAreSlices() {
    assertEquals(list(1, null), eval(new Alias(col(0, INT), "x"), INT, 1, null));
    assertEquals(list("a", "b"), eval(new Alias(col(1, STRING), "y"), batch(vector(INT, 1, 2),
        vector(STRING, "a", "b"))));
    assertEquals(list(7L, 7L), eval(lit(7L), INT, 1, 2));
    assertEquals(list(3L, 3L), eval(arith(dev.quiver.planner.expressions.ArithmeticOp.ADD, lit(1L), lit(2L)), INT,
        1, 2));
  }
}
