package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionTest extends ExpressionTestBase {

  private List<Object> on(Expression e, Object... values) {
    return eval(e, STRING, values);
  }

  private static Expression s() {
    return col(0, STRING);
  }

  @Test
  void caseMapping() {
    assertEquals(list("HELLO", "ÉCOLE STRASSE", "", null), on(fn("upper", s()), "hello", "école straße", "",
        null));
    assertEquals(list("STRASSE"), on(fn("upper", s()), "straße"));
    assertEquals(list("hello", "i̇stanbul"), on(fn("lower", s()), "HeLLo", "İstanbul"));
    assertEquals(list("Hello World", "A  B", "Élan Vital", ""), on(fn("initcap", s()), "hELLO wORLD", "a  b",
        "élan vital", ""));
  }

  @Test
  void trimRemovesOnlySpaces() {
    assertEquals(list("a b", "\ta\t", ""), on(fn("trim", s()), "  a b  ", "\ta\t", "   "));
    assertEquals(list("a  "), on(fn("ltrim", s()), "  a  "));
    assertEquals(list("  a"), on(fn("rtrim", s()), "  a  "));
  }

  @Test
  void reverseAndLengthCountCodePoints() {
    assertEquals(list("cbá", "\uD83D\uDE00x"), on(fn("reverse", s()), "ábc", "x\uD83D\uDE00"));
    assertEquals(list(3, 2, 0, null), on(fn("length", s()), "ábc", "x\uD83D\uDE00", "", null));
    assertEquals(list(3), eval(fn("length", col(0, BINARY)), BINARY, (Object) "ab\u00e9".getBytes(
        StandardCharsets.ISO_8859_1)));
  }

  @Test
  void concatAndConcatWs() {
    assertEquals(list("a1b", null), eval(fn("concat", col(0, STRING), lit(1), col(1, STRING)),
        batch(vector(STRING, "a", "a"), vector(STRING, "b", null))));
    assertEquals("", eval1(fn("concat")));
    assertEquals(list("a-b", "b", null), eval(fn("concat_ws", col(0, STRING), col(1, STRING), lit("b")),
        batch(vector(STRING, "-", "-", null), vector(STRING, "a", null, "a"))));
    ArrayType arr = new ArrayType(STRING, true);
    assertEquals(list("x,y,z,1"), eval(fn("concat_ws", lit(","), col(0, arr), lit("z"), lit(1)),
        batch(vector(arr, list("x", null, "y")))));
    assertEquals(list(""), eval(fn("concat_ws", lit(","), col(0, STRING)), STRING, (Object) null));
  }

  @Test
  void substringEdgeCases() {
    Object[] v = {"Spark SQL", "héllo", "", null};
    assertEquals(list("Sp", "hé", "", null), on(fn("substring", s(), lit(1), lit(2)), v));
    assertEquals(list("Sp", "hé", "", null), on(fn("substring", s(), lit(0), lit(2)), v));
    assertEquals(list("SQ", "ll", "", null), on(fn("substring", s(), lit(-3), lit(2)), v));
    assertEquals(list("", "", "", null), on(fn("substring", s(), lit(20), lit(2)), v));
    assertEquals(list("", "", "", null), on(fn("substring", s(), lit(2), lit(0)), v));
    assertEquals(list("Sp", "", "", null), on(fn("substring", s(), lit(-20), lit(13)), v));
    assertEquals(list("park SQL", "éllo", "", null), on(fn("substring", s(), lit(2), lit(Integer.MAX_VALUE)), v));
    // Per-row positions and lengths.
    assertEquals(list("ar", "ll", null), eval(fn("substring", col(0, STRING), col(1, INT), col(2, INT)),
        batch(vector(STRING, "Spark", "hello", "x"), vector(INT, 3, -3, null), vector(INT, 2, 2, 1))));
  }

  @Test
  void padAndRepeat() {
    assertEquals("??hi", eval1(fn("lpad", lit("hi"), lit(4), lit("??"))));
    assertEquals("h", eval1(fn("lpad", lit("hi"), lit(1), lit("??"))));
    assertEquals("hi", eval1(fn("lpad", lit("hi"), lit(5), lit(""))));
    assertEquals("", eval1(fn("lpad", lit("hi"), lit(-1), lit("?"))));
    assertEquals(list("hi???"), on(fn("rpad", s(), lit(5), lit("?")), "hi"));
    assertEquals(list("hé"), on(fn("rpad", s(), lit(2), lit("?")), "hélé"));
    assertEquals(list("abab", "", null), on(fn("repeat", s(), lit(2)), "ab", "", null));
    assertEquals("", eval1(fn("repeat", lit("ab"), lit(-1))));
    assertEquals(list("xyxyh"), on(fn("lpad", s(), lit(5), lit("xy")), "h"));
  }

  @Test
  void instrAndLocate() {
    assertEquals(list(3, 0, 1, 2), on(fn("instr", s(), lit("l")), "héllo", "abc", "lab", "élan"));
    assertEquals(list(1), on(fn("instr", s(), lit("")), "abc"));
    assertEquals(list(4, 0, null), on(fn("locate", lit("l"), s(), lit(4)), "héllo", "abc", null));
    assertEquals(0, eval1(fn("locate", lit("a"), lit("abc"), lit(0))));
    assertEquals(0, eval1(fn("locate", lit("a"), lit("abc"), lit(null, INT))));
    assertEquals(null, eval1(fn("locate", lit(null, STRING), lit("abc"), lit(1))));
  }

  @Test
  void startsEndsContainsOnBytes() {
    Object[] v = {"Customer Complaints", "héllo", "", null};
    assertEquals(list(true, false, false, null), on(fn("startswith", s(), lit("Cust")), v));
    assertEquals(list(false, true, false, null), on(fn("endswith", s(), lit("llo")), v));
    assertEquals(list(true, false, false, null), on(fn("contains", s(), lit("Complaints")), v));
    assertEquals(list(true, true, true, null), on(fn("contains", s(), lit("")), v));
    assertEquals(list(true, false), eval(fn("contains", col(0, STRING), col(1, STRING)),
        batch(vector(STRING, "abc", "abc"), vector(STRING, "bc", "x"))));
  }

  /**
   * Patterns of literal runs and '%' ({@code %special%requests%}) search their runs in order, eight bytes a
   * step on long values; checked against java.util.regex on random values and patterns over a small alphabet
   * (so that runs recur, overlap and appear near the ends).
   */
  @Test
  void likeWithPercentRunsAgreesWithARegex() {
    java.util.Random r = new java.util.Random(5);
    Object[] values = new Object[400];
    for (int i = 0; i < values.length; i++) {
      StringBuilder b = new StringBuilder();
      int len = i % 3 == 0 ? r.nextInt(40) : r.nextInt(12);
      for (int k = 0; k < len; k++) {
        b.append("abcé".charAt(r.nextInt(r.nextInt(8) == 0 ? 4 : 3)));
      }
      values[i] = b.toString();
    }
    for (int p = 0; p < 150; p++) {
      StringBuilder pattern = new StringBuilder();
      StringBuilder regex = new StringBuilder("(?s)");
      int parts = 1 + r.nextInt(4);
      for (int k = 0; k < parts; k++) {
        if (r.nextBoolean() || k > 0) {
          pattern.append('%');
          regex.append(".*");
        }
        String run = "abcab".substring(r.nextInt(3)).substring(0, 1 + r.nextInt(3));
        pattern.append(run);
        regex.append(java.util.regex.Pattern.quote(run));
      }
      if (r.nextBoolean()) {
        pattern.append('%');
        regex.append(".*");
      }
      java.util.regex.Pattern re = java.util.regex.Pattern.compile(regex.toString());
      List<Object> expected = new java.util.ArrayList<>();
      for (Object v : values) {
        expected.add(re.matcher((String) v).matches());
      }
      assertEquals(expected, on(fn("like", s(), lit(pattern.toString())), values), pattern.toString());
    }
  }

  @Test
  void likeWithWildcardsAndEscapes() {
    Object[] v = {"PROMO BRUSHED", "promo", "forest green", "a_b", "a%b", "axb", "", null, "héllo"};
    assertEquals(list(true, false, false, false, false, false, false, null, false), on(fn("like", s(),
        lit("PROMO%")), v));
    assertEquals(list(false, false, true, false, false, false, false, null, false), on(fn("like", s(),
        lit("%green%")), v));
    assertEquals(list(false, false, false, true, true, true, false, null, false), on(fn("like", s(), lit("a_b")), v));
    assertEquals(list(false, false, false, true, false, false, false, null, false), on(fn("like", s(),
        lit("a\\_b")), v));
    assertEquals(list(false, false, false, false, true, false, false, null, false), on(fn("like", s(),
        lit("a\\%b")), v));
    assertEquals(list(false, false, false, false, false, false, false, null, true), on(fn("like", s(),
        lit("h_llo")), v));
    assertEquals(list(false, false, true, false, false, false, false, null, false), on(fn("like", s(),
        lit("%r%s%")), v));
    assertEquals(list(true, false, false, false, false, false, false, null, false), on(fn("like", s(),
        lit("P%S%D")), v));
    assertEquals(list(false, false, false, false, false, false, true, null, false), on(fn("like", s(), lit("")), v));
    assertEquals(list(true, true, true, true, true, true, true, null, true), on(fn("like", s(), lit("%")), v));
    assertEquals(list(true), eval(fn("like", lit("abc"), col(0, STRING)), STRING, "a%"));
    QuiverException e = assertError("INVALID_FORMAT.ESC_IN_THE_MIDDLE", () -> on(fn("like", s(), lit("a\\b")), "a"));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    assertError("INVALID_FORMAT.ESC_AT_THE_END", () -> on(fn("like", s(), lit("a\\")), "a"));
    assertEquals(list(true), on(fn("like", s(), lit("a\nb%")), "a\nbc"));
  }

  @Test
  void regexFunctions() {
    assertEquals(list(true, false, null), on(fn("rlike", s(), lit("l+o$")), "hello", "hola", null));
    assertEquals(list("h-ll-"), on(fn("regexp_replace", s(), lit("[aeiou]"), lit("-"), lit(1)), "hello"));
    assertEquals(list("hell-"), on(fn("regexp_replace", s(), lit("[aeiou]"), lit("-"), lit(3)), "hello"));
    assertEquals(list("2024/01"), on(fn("regexp_replace", s(), lit("(\\d+)-(\\d+)"), lit("$1/$2"), lit(1)),
        "2024-01"));
    assertEquals(list("100", "", null), on(fn("regexp_extract", s(), lit("(\\d+)-(\\d+)"), lit(1)), "100-200",
        "none", null));
    assertError("INVALID_PARAMETER_VALUE", () -> on(fn("regexp_extract", s(), lit("(\\d+)"), lit(2)), "12"));
    assertError("INVALID_PARAMETER_VALUE", () -> on(fn("rlike", s(), lit("[a")), "x"));
  }

  @Test
  void splitKeepsTrailingEmptyStrings() {
    assertEquals(list(list("a", "b", "", "")), on(fn("split", s(), lit(","), lit(-1)), "a,b,,"));
    assertEquals(list(list("a", "b", "", "")), on(fn("split", s(), lit(","), lit(0)), "a,b,,"));
    assertEquals(list(list("a", "b,,")), on(fn("split", s(), lit(","), lit(2)), "a,b,,"));
    assertEquals(list(list("a", "b", "c")), on(fn("split", s(), lit("[0-9]+"), lit(-1)), "a1b22c"));
    assertEquals(list(list("h", "é")), on(fn("split", s(), lit(""), lit(-1)), "hé"));
    assertEquals(list(list("")), on(fn("split", s(), lit(","), lit(-1)), ""));
    assertEquals(list((Object) null), on(fn("split", s(), lit(","), lit(-1)), (Object) null));
  }
}
