package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import java.util.List;
import org.junit.jupiter.api.Test;

/** format_number, format_string, substring_index, translate, trimming given characters, left/right, levenshtein. */
class TextFunctionTest extends ExpressionTestBase {

  private List<Object> on(Expression e, Object... values) {
    return eval(e, STRING, values);
  }

  private static Expression s() {
    return col(0, STRING);
  }

  @Test
  void formatNumberRoundsHalfEvenWithGroupingOrUsesAPattern() {
    assertEquals(list("12,332.1235", null), eval(fn("format_number", col(0, DOUBLE), lit(4)), DOUBLE, 12332.123456,
        null));
    assertEquals(list("12332.123"), eval(fn("format_number", col(0, DOUBLE), lit("##################.###")), DOUBLE,
        12332.123456));
    assertEquals(list("1,234,567"), eval(fn("format_number", col(0, LONG), lit(0)), LONG, 1234567L));
    assertEquals(list((Object) null), eval(fn("format_number", col(0, DOUBLE), lit(-1)), DOUBLE, 1.0),
        "a negative number of places is null");
  }

  @Test
  void formatStringIsJavaFormatting() {
    assertEquals("Hello World 100 days", eval1(fn("format_string", lit("Hello World %d %s"), lit(100),
        lit("days"))));
    assertEquals(list("x=null", "x=a"), on(fn("printf", lit("x=%s"), s()), null, "a"));
  }

  @Test
  void substringIndexCountsDelimitersFromEitherEnd() {
    Expression twoFromLeft = fn("substring_index", s(), lit("."), lit(2));
    assertEquals(list("www.apache", "nodots", null), on(twoFromLeft, "www.apache.org", "nodots", null));
    assertEquals(list("apache.org"), on(fn("substring_index", s(), lit("."), lit(-2)), "www.apache.org"));
    assertEquals(list(""), on(fn("substring_index", s(), lit("."), lit(0)), "www.apache.org"));
  }

  @Test
  void translateReplacesCharacterByCharacterAndDropsUnmatched() {
    assertEquals(list("A1B2C3", null), on(fn("translate", s(), lit("abc"), lit("123")), "AaBbCc", null));
    assertEquals(list("A1BC"), on(fn("translate", s(), lit("abc"), lit("1")), "AaBbCc"));
  }

  @Test
  void trimGivenCharacters() {
    assertEquals(list("parkSQ"), on(fn("trim_chars", s(), lit("SL")), "SSparkSQLS"));
    assertEquals(list("parkSQLS"), on(fn("ltrim_chars", s(), lit("SL")), "SSparkSQLS"));
    assertEquals(list("SSparkSQ"), on(fn("rtrim_chars", s(), lit("SL")), "SSparkSQLS"));
    assertEquals(list("parkSQ", null), on(fn("btrim", s(), lit("SL")), "SSparkSQLS", null));
    assertEquals(list("SparkSQL"), on(fn("btrim", s()), "    SparkSQL   "));
  }

  @Test
  void leftAndRightTakeCharacters() {
    assertEquals(list("Spa", "é"), on(fn("left", s(), lit(3)), "Spark SQL", "é"));
    assertEquals(list("SQL", ""), on(fn("right", s(), lit(3)), "Spark SQL", ""));
    assertEquals(list(""), on(fn("left", s(), lit(-1)), "Spark"));
  }

  @Test
  void levenshteinWithAndWithoutThreshold() {
    assertEquals(3, eval1(fn("levenshtein", lit("kitten"), lit("sitting"))));
    assertEquals(-1, eval1(fn("levenshtein", lit("kitten"), lit("sitting"), lit(2))));
    assertEquals(3, eval1(fn("levenshtein", lit("kitten"), lit("sitting"), lit(4))));
    assertEquals(list(0, null), on(fn("levenshtein", s(), lit("")), "", null));
  }
}
