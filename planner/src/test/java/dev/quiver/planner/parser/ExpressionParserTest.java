package dev.quiver.planner.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

  private static Expression parse(String text) {
    return SqlParser.parseExpression(text, ZoneOffset.UTC);
  }

  private static UnresolvedAttribute col(String... parts) {
    return new UnresolvedAttribute(List.of(parts), 0);
  }

  private static UnresolvedFunction fn(String name, Expression... args) {
    return new UnresolvedFunction(name, List.of(args), false);
  }

  private static Comparison cmp(ComparisonOp op, Expression l, Expression r) {
    return new Comparison(op, l, r);
  }

  private static BinaryArithmetic arith(ArithmeticOp op, Expression l, Expression r) {
    return new BinaryArithmetic(op, l, r);
  }

  private static Literal literal(String text) {
    return (Literal) parse(text);
  }

  private static ParseException syntaxError(String text) {
    return assertThrows(ParseException.class, () -> parse(text));
  }

  // ------------------------------------------------------------------ names

  @Test
  void columnsAndQualifiedNames() {
    assertEquals(col("age"), parse("age"));
    assertEquals(col("t", "a"), parse("t.a"));
    assertEquals(col("a", "b", "c"), parse("a.b.c"));
    assertEquals(col("my col", "x.y"), parse("`my col`.`x.y`"));
    assertEquals(col("a`b"), parse("`a``b`"));
  }

  @Test
  void keywordsAreCaseInsensitiveAndMostAreUsableAsNames() {
    assertEquals(Literal.NULL, parse("null"));
    assertEquals(Literal.TRUE, parse("True"));
    assertEquals(col("date"), parse("date"));
    assertEquals(col("year"), parse("year"));
    assertEquals(new IsNull(col("a")), parse("a is NULL"));
  }

  @Test
  void stars() {
    assertEquals(new UnresolvedStar(List.of(), 0), parse("*"));
    assertEquals(new UnresolvedStar(List.of("t"), 0), parse("t.*"));
    assertEquals(new UnresolvedStar(List.of("db", "t"), 0), parse("db.t.*"));
  }

  // ------------------------------------------------------------------ literals

  @Test
  void integersAreIntThenBigintThenDecimal() {
    assertEquals(Literal.of(2), parse("2"));
    assertEquals(Literal.of(2147483647), parse("2147483647"));
    assertEquals(Literal.of(2147483648L), parse("2147483648"));
    assertEquals(Literal.of(-2147483648), parse("-2147483648"));
    Literal big = literal("123456789012345678901234567890");
    assertEquals(new DecimalType(30, 0), big.dataType());
    assertEquals(new BigDecimal("123456789012345678901234567890"), big.value());
  }

  @Test
  void typedNumberSuffixes() {
    assertEquals(Literal.of(123L), parse("123L"));
    assertEquals(new Literal((short) 12, DataTypes.ShortType), parse("12S"));
    assertEquals(new Literal((byte) 12, DataTypes.ByteType), parse("12Y"));
    assertEquals(new Literal((byte) -128, DataTypes.ByteType), parse("-128Y"));
    assertEquals(Literal.of(1.5), parse("1.5D"));
    assertEquals(Literal.of(2.0), parse("2d"));
    assertEquals(new Literal(1.5f, DataTypes.FloatType), parse("1.5F"));
    assertEquals(Literal.of(1000.0), parse("1e3"));
    assertEquals(Literal.of(0.015), parse("1.5E-2"));
  }

  @Test
  void unsuffixedDecimalsTakePrecisionAndScaleFromTheDigits() {
    assertDecimal("1.5", 2, 1, "1.5");
    assertDecimal("0.5", 1, 1, "0.5");
    assertDecimal(".5", 1, 1, "0.5");
    assertDecimal("1.50", 3, 2, "1.50");
    assertDecimal("123.456", 6, 3, "123.456");
    assertDecimal("7.", 1, 0, "7");
    assertDecimal("-1.25", 3, 2, "-1.25");
    assertDecimal("1.5BD", 2, 1, "1.5");
    assertDecimal("10BD", 2, 0, "10");
  }

  private static void assertDecimal(String text, int precision, int scale, String value) {
    Literal l = literal(text);
    assertEquals(new DecimalType(precision, scale), l.dataType(), text);
    assertEquals(new BigDecimal(value), l.value(), text);
  }

  @Test
  void negativeNumbersAreLiteralsNamedWithTheirSign() {
    Literal l = literal("-1");
    assertEquals(Literal.of(-1), l);
    assertEquals("-1", l.sql());
    assertEquals(Literal.of(-5L), parse("- 5L"));
    assertEquals(new UnaryMinus(col("a")), parse("-a"));
    assertEquals(new UnaryMinus(Literal.of(-1)), parse("- -1"));
    assertEquals(arith(ArithmeticOp.SUBTRACT, col("a"), Literal.of(1)), parse("a -1"));
    assertEquals(Literal.of(3), parse("+3"));
  }

  @Test
  void numericRangeErrors() {
    ParseException e = syntaxError("128Y");
    assertEquals("INVALID_NUMERIC_LITERAL_RANGE", e.getErrorClass());
    assertTrue(e.errorText().contains("Numeric literal 128 is outside the valid range for tinyint with minimum "
        + "value of -128 and maximum value of 127."), e::errorText);
    assertEquals("INVALID_NUMERIC_LITERAL_RANGE", syntaxError("9223372036854775808L").getErrorClass());
    assertEquals("INVALID_NUMERIC_LITERAL_RANGE", syntaxError("1e400").getErrorClass());
    assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
        syntaxError("1234567890123456789012345678901234567890.5").getErrorClass());
  }

  @Test
  void stringsAndAdjacentConcatenation() {
    assertEquals(Literal.of("abc"), parse("'abc'"));
    assertEquals(Literal.of("abc"), parse("\"abc\""));
    assertEquals(Literal.of("abcdef"), parse("'abc' \"de\" 'f'"));
    assertEquals(Literal.of("it's\n"), parse("'it\\'s\\n'"));
    assertEquals("abc", parse("'abc'").sql());
  }

  @Test
  void typedLiterals() {
    assertEquals(new Literal((int) LocalDate.of(2024, 1, 31).toEpochDay(), DataTypes.DateType),
        parse("DATE '2024-01-31'"));
    assertEquals(new Literal(1_704_067_200_000_000L + 3_723_500_000L, DataTypes.TimestampType),
        parse("TIMESTAMP '2024-01-01 01:02:03.5'"));
    assertEquals("TIMESTAMP '2024-01-01 01:02:03.5'", parse("timestamp '2024-01-01 01:02:03.5'").sql());
    assertEquals(new Literal(1_704_067_200_000_000L, DataTypes.TimestampNTZType),
        parse("TIMESTAMP_NTZ '2024-01-01'"));
    Literal bin = literal("X'0aFF'");
    assertEquals(DataTypes.BinaryType, bin.dataType());
    assertArrayEquals(new byte[] {0x0a, (byte) 0xff}, (byte[]) bin.value());
    assertArrayEquals(new byte[] {0x0a}, (byte[]) literal("x'A'").value());
  }

  @Test
  void timestampLiteralsAreReadInTheSessionZone() {
    Expression e = SqlParser.parseExpression("TIMESTAMP '2024-01-01 00:00:00'", ZoneId.of("Europe/Berlin"));
    assertEquals(new Literal(1_704_067_200_000_000L - 3_600_000_000L, DataTypes.TimestampType), e);
  }

  @Test
  void invalidTypedLiteral() {
    ParseException e = syntaxError("DATE '2024-13-01'");
    assertEquals("[INVALID_TYPED_LITERAL] The value of the typed literal \"DATE\" is invalid: '2024-13-01'. "
        + "SQLSTATE: 42604", e.errorText());
    assertEquals("INVALID_TYPED_LITERAL", syntaxError("X'GG'").getErrorClass());
  }

  // ------------------------------------------------------------------ operators and precedence

  @Test
  void arithmeticPrecedenceAndAssociativity() {
    assertEquals(arith(ArithmeticOp.ADD, Literal.of(1), arith(ArithmeticOp.MULTIPLY, Literal.of(2),
        Literal.of(3))), parse("1 + 2 * 3"));
    assertEquals(arith(ArithmeticOp.SUBTRACT, arith(ArithmeticOp.SUBTRACT, col("a"), col("b")), col("c")),
        parse("a - b - c"));
    assertEquals(arith(ArithmeticOp.MULTIPLY, arith(ArithmeticOp.ADD, col("a"), col("b")), col("c")),
        parse("(a + b) * c"));
    assertEquals(arith(ArithmeticOp.REMAINDER, arith(ArithmeticOp.DIVIDE, col("a"), col("b")), col("c")),
        parse("a / b % c"));
    assertEquals(arith(ArithmeticOp.INTEGRAL_DIVIDE, col("age"), Literal.of(2)), parse("age DIV 2"));
    assertEquals(arith(ArithmeticOp.MULTIPLY, new UnaryMinus(col("a")), col("b")), parse("-a * b"));
  }

  @Test
  void concatBindsLikePlusAndMinus() {
    assertEquals(fn("concat", arith(ArithmeticOp.ADD, col("a"), col("b")), col("c")), parse("a + b || c"));
    assertEquals(arith(ArithmeticOp.ADD, fn("concat", col("a"), col("b")), col("c")), parse("a || b + c"));
    assertEquals(fn("concat", col("a"), arith(ArithmeticOp.MULTIPLY, col("b"), col("c"))), parse("a || b * c"));
  }

  @Test
  void comparisons() {
    assertEquals(cmp(ComparisonOp.EQ, col("a"), Literal.of(1)), parse("a = 1"));
    assertEquals(cmp(ComparisonOp.EQ, col("a"), Literal.of(1)), parse("a == 1"));
    assertEquals(cmp(ComparisonOp.NULL_SAFE_EQ, col("a"), col("b")), parse("a <=> b"));
    assertEquals(new Not(cmp(ComparisonOp.EQ, col("a"), col("b"))), parse("a <> b"));
    assertEquals(new Not(cmp(ComparisonOp.EQ, col("a"), col("b"))), parse("a != b"));
    assertEquals(cmp(ComparisonOp.LT, col("a"), col("b")), parse("a < b"));
    assertEquals(cmp(ComparisonOp.LTE, col("a"), col("b")), parse("a <= b"));
    assertEquals(cmp(ComparisonOp.GT, col("a"), col("b")), parse("a > b"));
    assertEquals(cmp(ComparisonOp.GTE, col("a"), col("b")), parse("a >= b"));
    assertEquals(cmp(ComparisonOp.GT, arith(ArithmeticOp.ADD, col("a"), Literal.of(1)), col("b")),
        parse("a + 1 > b"));
    assertEquals("(NOT (a = b))", parse("a <> b").sql());
  }

  @Test
  void booleanPrecedenceOrAndNot() {
    Expression a = cmp(ComparisonOp.EQ, col("a"), Literal.of(1));
    Expression b = cmp(ComparisonOp.EQ, col("b"), Literal.of(2));
    Expression c = cmp(ComparisonOp.EQ, col("c"), Literal.of(3));
    assertEquals(new Or(a, new And(b, c)), parse("a = 1 OR b = 2 AND c = 3"));
    assertEquals(new And(new Not(a), b), parse("NOT a = 1 AND b = 2"));
    assertEquals(new Or(new And(a, b), c), parse("a = 1 and b = 2 or c = 3"));
    assertEquals(new And(new Or(a, b), c), parse("(a = 1 or b = 2) and c = 3"));
    assertEquals(new Not(new Not(col("x"))), parse("NOT NOT x"));
    assertEquals(new Not(col("x")), parse("!x"));
  }

  @Test
  void betweenIsTwoComparisons() {
    Expression between = new And(cmp(ComparisonOp.GTE, col("a"), Literal.of(1)),
        cmp(ComparisonOp.LTE, col("a"), Literal.of(5)));
    assertEquals(between, parse("a BETWEEN 1 AND 5"));
    assertEquals(new Not(between), parse("a NOT BETWEEN 1 AND 5"));
    assertEquals(new And(between, col("ok")), parse("a BETWEEN 1 AND 5 AND ok"));
    assertEquals(new And(cmp(ComparisonOp.GTE, col("a"), arith(ArithmeticOp.ADD, col("b"), Literal.of(1))),
        cmp(ComparisonOp.LTE, col("a"), arith(ArithmeticOp.MULTIPLY, col("c"), Literal.of(2)))),
        parse("a between b + 1 and c * 2"));
  }

  @Test
  void inLists() {
    assertEquals(new In(col("a"), List.of(Literal.of(1), Literal.of(2))), parse("a IN (1, 2)"));
    assertEquals(new Not(new In(col("a"), List.of(Literal.of("x")))), parse("a NOT IN ('x')"));
  }

  @Test
  void likeAndRegexAreFunctionCalls() {
    assertEquals(fn("like", col("name"), Literal.of("A%")), parse("name LIKE 'A%'"));
    assertEquals(new Not(fn("like", col("name"), Literal.of("A%"))), parse("name NOT LIKE 'A%'"));
    assertEquals(fn("rlike", col("name"), Literal.of("^A")), parse("name RLIKE '^A'"));
    assertEquals(fn("rlike", col("name"), Literal.of("^A")), parse("name regexp '^A'"));
    assertEquals(new Not(fn("rlike", col("name"), Literal.of("^A"))), parse("name NOT RLIKE '^A'"));
  }

  @Test
  void isPredicates() {
    assertEquals(new IsNull(col("a")), parse("a IS NULL"));
    assertEquals(new IsNotNull(col("a")), parse("a IS NOT NULL"));
    assertEquals(new IsNull(arith(ArithmeticOp.ADD, col("a"), col("b"))), parse("a + b IS NULL"));
    assertEquals(cmp(ComparisonOp.NULL_SAFE_EQ, col("a"), Literal.TRUE), parse("a IS TRUE"));
    assertEquals(new Not(cmp(ComparisonOp.NULL_SAFE_EQ, col("a"), Literal.FALSE)), parse("a IS NOT FALSE"));
    assertEquals(new Not(cmp(ComparisonOp.NULL_SAFE_EQ, col("a"), col("b"))), parse("a IS DISTINCT FROM b"));
    assertEquals(cmp(ComparisonOp.NULL_SAFE_EQ, col("a"), col("b")), parse("a IS NOT DISTINCT FROM b"));
    assertEquals(new And(new IsNull(col("a")), new IsNotNull(col("b"))), parse("a IS NULL AND b IS NOT NULL"));
  }

  @Test
  void postfixExtraction() {
    assertEquals(new ExtractValue(col("arr"), Literal.of(0)), parse("arr[0]"));
    assertEquals(new ExtractValue(col("m"), Literal.of("k")), parse("m['k']"));
    assertEquals(new ExtractValue(new ExtractValue(col("a"), Literal.of(1)), Literal.of("f")), parse("a[1].f"));
    assertEquals(new ExtractValue(fn("f", col("x")), Literal.of("g")), parse("f(x).g"));
  }

  @Test
  void bitwiseOperatorsAreFunctionCallsByTheirSymbol() {
    assertEquals(fn("&", col("a"), col("b")), parse("a & b"));
    assertEquals(fn("~", col("a")), parse("~a"));
  }

  // ------------------------------------------------------------------ special forms

  @Test
  void searchedAndSimpleCase() {
    CaseWhen searched = new CaseWhen(List.of(
        new CaseWhen.Branch(cmp(ComparisonOp.GT, col("age"), Literal.of(40)), Literal.of("senior")),
        new CaseWhen.Branch(cmp(ComparisonOp.GT, col("age"), Literal.of(30)), Literal.of("mid"))),
        Optional.of(Literal.of("junior")));
    assertEquals(searched,
        parse("CASE WHEN age > 40 THEN 'senior' WHEN age > 30 THEN 'mid' ELSE 'junior' END"));
    CaseWhen simple = new CaseWhen(List.of(
        new CaseWhen.Branch(cmp(ComparisonOp.EQ, col("dept"), Literal.of("a")), Literal.of(1))), Optional.empty());
    assertEquals(simple, parse("case dept when 'a' then 1 end"));
  }

  @Test
  void ifIsACaseWhen() {
    assertEquals(new CaseWhen(List.of(new CaseWhen.Branch(cmp(ComparisonOp.GT, col("a"), Literal.of(1)),
        Literal.of("x"))), Optional.of(Literal.of("y"))), parse("IF(a > 1, 'x', 'y')"));
  }

  @Test
  void castsAreUserSpecified() {
    assertEquals(new Cast(col("hired"), DataTypes.StringType, true), parse("CAST(hired AS STRING)"));
    assertEquals(new Cast(col("x"), new DecimalType(10, 2), true), parse("cast(x as decimal(10, 2))"));
    assertEquals(new Cast(col("x"), new ArrayType(DataTypes.IntegerType, true), true),
        parse("CAST(x AS array<int>)"));
    assertEquals(new Cast(col("x"), DataTypes.LongType, true), parse("x::bigint"));
    assertEquals(new Cast(Literal.of(-1), new DecimalType(5, 1), true), parse("-1::decimal(5,1)"));
    assertEquals("CAST(hired AS STRING)", parse("CAST(hired AS STRING)").sql());
  }

  @Test
  void unknownCastTypeIsUnsupportedDatatype() {
    ParseException e = syntaxError("CAST(x AS foo)");
    assertEquals("[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: 0A000", e.errorText());
    assertEquals(10, e.position());
  }

  @Test
  void functionCalls() {
    assertEquals(fn("upper", col("dept")), parse("upper(dept)"));
    assertEquals(fn("COALESCE", col("a"), col("b"), Literal.of(0)), parse("COALESCE(a, b, 0)"));
    assertEquals(fn("current_date"), parse("current_date()"));
    assertEquals(fn("current_date"), parse("CURRENT_DATE"));
    assertEquals(fn("count", new UnresolvedStar(List.of(), 0)), parse("count(*)"));
    assertEquals(new UnresolvedFunction("count", List.of(col("a"), col("b")), true),
        parse("count(DISTINCT a, b)"));
    assertEquals(fn("sum", col("a")), parse("sum(ALL a)"));
    assertEquals(fn("db.f", col("a")), parse("db.f(a)"));
  }

  @Test
  void keywordSyntaxFunctions() {
    assertEquals(fn("year", col("d")), parse("EXTRACT(YEAR FROM d)"));
    assertEquals(fn("SUBSTRING", col("s"), Literal.of(2), Literal.of(3)), parse("SUBSTRING(s FROM 2 FOR 3)"));
    assertEquals(fn("substr", col("s"), Literal.of(2)), parse("substr(s, 2)"));
    assertEquals(fn("locate", Literal.of("b"), col("s")), parse("POSITION('b' IN s)"));
  }

  @Test
  void windowFunctions() {
    WindowExpression w = (WindowExpression) parse(
        "rank() OVER (PARTITION BY dept ORDER BY salary DESC)");
    assertEquals(fn("rank"), w.function());
    assertEquals(List.of(col("dept")), w.partitionSpec());
    assertEquals(SortDirection.DESCENDING, w.orderSpec().get(0).direction());
    assertEquals(WindowFrame.DEFAULT_ORDERED, w.frame());
    WindowExpression all = (WindowExpression) parse("sum(x) OVER ()");
    assertEquals(WindowFrame.WHOLE_PARTITION, all.frame());
    WindowExpression rows = (WindowExpression) parse(
        "sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
    assertEquals(new WindowFrame(WindowFrame.FrameType.ROWS, -2, 0), rows.frame());
    WindowExpression range = (WindowExpression) parse(
        "sum(x) OVER (PARTITION BY a ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)");
    assertEquals(new WindowFrame(WindowFrame.FrameType.RANGE, WindowFrame.UNBOUNDED_PRECEDING,
        WindowFrame.UNBOUNDED_FOLLOWING), range.frame());
  }

  // ------------------------------------------------------------------ aliases

  @Test
  void aliasesWithAndWithoutAs() {
    Alias a = (Alias) parse("age + 1 AS age_next");
    assertEquals(arith(ArithmeticOp.ADD, col("age"), Literal.of(1)), a.child());
    assertEquals("age_next", a.name());
    assertEquals("half", ((Alias) parse("age div 2 half")).name());
    assertEquals("my name", ((Alias) parse("name AS `my name`")).name());
    assertEquals("x", ((Alias) parse("CASE WHEN a THEN 1 END x")).name());
  }

  @Test
  void sortItems() {
    TokenCursor in = new TokenCursor("a DESC NULLS FIRST, b, c ASC");
    var items = new ExpressionParser(in, ZoneOffset.UTC).sortList();
    assertEquals(NullOrdering.NULLS_FIRST, items.get(0).nullOrdering());
    assertEquals(SortDirection.DESCENDING, items.get(0).direction());
    assertEquals(NullOrdering.NULLS_FIRST, items.get(1).nullOrdering());
    assertEquals(SortDirection.ASCENDING, items.get(2).direction());
  }

  @Test
  void generatedNamesAreSparks() {
    assertEquals("(age / 2)", parse("age / 2").sql());
    assertEquals("(age div 2)", parse("age div 2").sql());
    assertEquals("((a + 1) * b)", parse("(a + 1) * b").sql());
  }

  // ------------------------------------------------------------------ errors

  @Test
  void syntaxErrorNamesTheTokenAndWhereItIs() {
    ParseException e = syntaxError("a + * FROM");
    assertEquals("PARSE_SYNTAX_ERROR", e.getErrorClass());
    assertEquals("42601", e.getSqlState());
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601", e.errorText());
    assertEquals(1, e.line());
    assertEquals(6, e.position());
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 1, pos 6)\n\n"
        + "== SQL ==\na + * FROM\n------^^^", e.getMessage());
    assertInstanceOf(AnalysisException.class, e);
  }

  @Test
  void errorAtTheEnd() {
    ParseException e = syntaxError("a +");
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601", e.errorText());
    assertEquals(3, e.position());
  }

  @Test
  void missingParenthesisHint() {
    ParseException e = syntaxError("upper(a");
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'. SQLSTATE: 42601",
        e.errorText());
  }

  @Test
  void errorOnALaterLine() {
    ParseException e = syntaxError("a +\n  b c d");
    assertEquals(2, e.line());
    assertEquals(6, e.position());
    assertTrue(e.getMessage().endsWith("== SQL ==\na +\n  b c d\n------^^^"), e::getMessage);
  }

  @Test
  void trailingTokensAndEmptyText() {
    assertEquals("Syntax error at or near ','.", textOf(syntaxError("a, b")));
    assertEquals("PARSE_EMPTY_STATEMENT", syntaxError("  ").getErrorClass());
    assertEquals("Syntax error at or near 'BETWEEN'.", textOf(syntaxError("BETWEEN")));
    assertEquals("Syntax error at or near 'END'.", textOf(syntaxError("CASE END")));
  }

  @Test
  void unsupportedConstructsSaySo() {
    ParseException e = syntaxError("a IN (SELECT b FROM t)");
    assertEquals("UNSUPPORTED_FEATURE.SQL_SYNTAX", e.getErrorClass());
    assertTrue(e.errorText().contains("IN subqueries"), e::errorText);
    assertEquals("UNSUPPORTED_FEATURE.SQL_SYNTAX", syntaxError("INTERVAL 1 DAY").getErrorClass());
  }

  private static String textOf(ParseException e) {
    String t = e.errorText();
    return t.substring(t.indexOf("] ") + 2, t.indexOf(" SQLSTATE"));
  }

  @Test
  void dataTypeOfDecimalLiteralIsUsableByTheAnalyzer() {
    DataType t = literal("1.5").dataType();
    assertEquals("decimal(2,1)", t.simpleString());
  }
}
