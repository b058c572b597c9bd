package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digests, Spark's hash/xxhash64 and the encodings, against the values Spark's function reference shows. */
class HashFunctionTest extends ExpressionTestBase {

  private List<Object> on(Expression e, Object... values) {
    return eval(e, STRING, values);
  }

  private static Expression s() {
    return col(0, STRING);
  }

  @Test
  void digestsAreLowerCaseHexOfTheUtf8Bytes() {
    assertEquals(list("8cde774d6f7333752ed72cacddb05126", null), on(fn("md5", s()), "Spark", null));
    assertEquals(list("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"), on(fn("sha1", s()), "Spark"));
    assertEquals(list("3c01bdbb26f358bab27f267924aa2c9a03fcfdb8"), on(fn("sha1", s()), "ABC"));
    assertEquals(list(1557323817L, null), on(fn("crc32", s()), "Spark", null));
    // Binary input digests the bytes themselves.
    assertEquals(list("8cde774d6f7333752ed72cacddb05126"), eval(fn("md5", col(0, BINARY)), BINARY,
        (Object) "Spark".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sha2SupportsTheSha2FamilyAndIsNullForOtherLengths() {
    String spark256 = "529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b";
    assertEquals(list(spark256, "3bc51062973c458d5a6f2d8d64a023246354ad7e064b1e4e009ec8a0699a3043", null),
        on(fn("sha2", s(), lit(256)), "Spark", "Alice", null));
    assertEquals(list(spark256), on(fn("sha2", s(), lit(0)), "Spark"), "0 means 256");
    assertEquals(list((Object) null), on(fn("sha2", s(), lit(1)), "Spark"));
    assertEquals(56, ((String) on(fn("sha2", s(), lit(224)), "Spark").get(0)).length());
    assertEquals(128, ((String) on(fn("sha2", s(), lit(512)), "Spark").get(0)).length());
  }

  @Test
  void hashIsSparksMurmur3WithSeed42() {
    assertEquals(list(-757602832, 42), on(fn("hash", s()), "ABC", null), "a null input leaves the seed");
    assertEquals(list(599895104), eval(fn("hash", col(0, STRING), col(1, STRING)),
        batch(vector(STRING, "ABC"), vector(STRING, "DEF"))));
    assertEquals(-1321691492, eval1(fn("hash", lit("Spark"), fn("array", lit(123)), lit(2))));
    ArrayType ints = new ArrayType(INT, true);
    assertEquals(list(-1321691492), eval(fn("hash", col(0, STRING), col(1, ints), col(2, INT)),
        batch(vector(STRING, "Spark"), vector(ints, list(123)), vector(INT, 2))));
  }

  @Test
  void xxhash64IsXxh64WithSeed42() {
    assertEquals(5602566077635097486L, eval1(fn("xxhash64", lit("Spark"), fn("array", lit(123)), lit(2))));
    assertEquals(list(42L), on(fn("xxhash64", s()), (Object) null));
  }

  @Test
  void base64AndHexRoundTrip() {
    assertEquals(list("U3BhcmsgU1FM", null), on(fn("base64", s()), "Spark SQL", null));
    assertArrayEquals("Spark SQL".getBytes(StandardCharsets.UTF_8),
        (byte[]) on(fn("unbase64", s()), "U3BhcmsgU1FM").get(0));
    assertEquals(list("537061726B2053514C"), on(fn("hex", s()), "Spark SQL"));
    assertEquals(list("11", "FFFFFFFFFFFFFFFF", null), eval(fn("hex", col(0, INT)), INT, 17, -1, null));
    assertArrayEquals("Spark SQL".getBytes(StandardCharsets.UTF_8),
        (byte[]) on(fn("unhex", s()), "537061726B2053514C").get(0));
    assertEquals(list((Object) null), on(fn("unhex", s()), "GG"), "not hex digits");
  }

  @Test
  void asciiAndChrAreInverses() {
    assertEquals(list(50, 0, null), on(fn("ascii", s()), "222", "", null));
    assertEquals(list("A", "", "A", null), eval(fn("chr", col(0, LONG)), LONG, 65L, -1L, 321L, null));
    assertEquals(DataTypes.StringType, fn("char", lit(65)).dataType());
  }
}
