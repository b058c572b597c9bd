package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.parser.ParseException;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverNumberFormatException;
import dev.quiver.sql.QuiverThrowable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorSerdeTest {

  /** Round-trips through bytes and checks the exact class, message, error class and SQLSTATE survive. */
  private static RuntimeException roundTrip(Throwable error, Class<?> expectedClass) {
    RuntimeException back = ErrorSerde.fromBytes(ErrorSerde.toBytes(error));
    assertSame(expectedClass, back.getClass(), error.toString());
    assertEquals(error.getMessage(), back.getMessage());
    if (error instanceof QuiverThrowable q) {
      QuiverThrowable b = (QuiverThrowable) back;
      assertEquals(q.getErrorClass(), b.getErrorClass());
      assertEquals(q.getSqlState(), b.getSqlState());
    }
    return back;
  }

  @Test
  void everyQuiverErrorKindKeepsItsTypeAndMessage() {
    List<Throwable> errors = List.of(
        new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "A column `x` cannot be resolved. Did you "
            + "mean one of the following? [`a`, `b`].", "42703"),
        new AnalysisException("A path is needed to save a DataFrame."),
        new QuiverException("PATH_NOT_FOUND", "Path does not exist: file:/nope.", "42K03", null),
        new QuiverException("Could not read the file /x.csv: it is not valid UTF-8."),
        QuiverArithmeticException.divideByZero(),
        QuiverArithmeticException.overflow("integer add", "INT"),
        QuiverNumberFormatException.invalidCast("abc", "STRING", "INT"),
        QuiverDateTimeException.invalidCast("2024-13-45", "DATE"));
    for (Throwable e : errors) {
      roundTrip(e, e.getClass());
    }
  }

  @Test
  void nullErrorClassAndSqlStateStayNull() {
    QuiverException back = (QuiverException) roundTrip(new QuiverException("plain"), QuiverException.class);
    assertEquals(null, back.getErrorClass());
    assertEquals(null, back.getSqlState());
  }

  @Test
  void parseErrorsStayAnalysisExceptionsWithTheSameMessage() {
    ParseException parse = assertThrows(ParseException.class,
        () -> SqlParser.parseQuery("SELECT FROM WHERE", name -> null));
    RuntimeException back = ErrorSerde.fromBytes(ErrorSerde.toBytes(parse));
    assertInstanceOf(AnalysisException.class, back);
    assertEquals(parse.getMessage(), back.getMessage());
    assertEquals(parse.getErrorClass(), ((AnalysisException) back).getErrorClass());
    assertEquals(parse.getSqlState(), ((AnalysisException) back).getSqlState());
  }

  @Test
  void subclassesWithTheirOwnMessageKeepIt() {
    PlanDecodingException decoding = assertThrows(PlanDecodingException.class,
        () -> LogicalPlanSerde.fromBytes(new byte[] {(byte) 0xff, 1, 2}));
    RuntimeException back = ErrorSerde.fromBytes(ErrorSerde.toBytes(decoding));
    assertInstanceOf(QuiverException.class, back);
    assertEquals(decoding.getMessage(), back.getMessage());
  }

  @Test
  void apiMisuseKeepsTheJdkType() {
    roundTrip(new IllegalArgumentException("The step of range() must not be 0."), IllegalArgumentException.class);
    roundTrip(new UnsupportedOperationException("not yet"), UnsupportedOperationException.class);
  }

  @Test
  void otherThrowablesBecomeAnInternalQuiverErrorNamingTheOriginal() {
    RuntimeException back = ErrorSerde.fromBytes(ErrorSerde.toBytes(new NullPointerException("boom")));
    QuiverException q = assertInstanceOf(QuiverException.class, back);
    assertEquals("INTERNAL_ERROR", q.getErrorClass());
    assertEquals("XX000", q.getSqlState());
    assertTrue(q.getMessage().contains("java.lang.NullPointerException: boom"), q.getMessage());

    RuntimeException noMessage = ErrorSerde.fromBytes(ErrorSerde.toBytes(new IllegalStateException()));
    assertTrue(noMessage.getMessage().contains("java.lang.IllegalStateException"), noMessage.getMessage());
    // A subclass of IllegalArgumentException is not API misuse with a known message form: it is internal.
    RuntimeException nfe = ErrorSerde.fromBytes(ErrorSerde.toBytes(new NumberFormatException("x")));
    assertSame(QuiverException.class, nfe.getClass());
    assertTrue(nfe.getMessage().contains("java.lang.NumberFormatException: x"), nfe.getMessage());
  }

  @Test
  void garbageBytesAreADecodingError() {
    assertThrows(PlanDecodingException.class, () -> ErrorSerde.fromBytes(new byte[] {(byte) 0xff, (byte) 0xff}));
  }
}
