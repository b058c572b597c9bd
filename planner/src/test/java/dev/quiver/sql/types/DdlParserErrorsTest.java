package dev.quiver.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.sql.AnalysisException;
import org.junit.jupiter.api.Test;

/** Type and schema text that cannot be read fails with Spark's parser error classes, not a raw JDK exception. */
class DdlParserErrorsTest {

  @Test
  void anUnknownTypeNameIsUnsupportedDatatype() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> StructType.fromDDL("a integr, b INT"));
    assertEquals("UNSUPPORTED_DATATYPE", e.getErrorClass());
    assertEquals("[UNSUPPORTED_DATATYPE] Unsupported data type \"INTEGR\". SQLSTATE: 0A000", e.getMessage());
    assertThrows(AnalysisException.class, () -> new StructType().add("a", "integr"));
  }

  @Test
  void malformedTextIsAParseSyntaxError() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> StructType.fromDDL("a DECIMAL(10, b INT"));
    assertEquals("PARSE_SYNTAX_ERROR", e.getErrorClass());
    AnalysisException end = assertThrows(AnalysisException.class, () -> StructType.fromDDL("a array<int"));
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing '>'. SQLSTATE: 42601",
        end.getMessage());
    AnalysisException extra = assertThrows(AnalysisException.class, () -> StructType.fromDDL("a INT b"));
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b': extra input 'b'. SQLSTATE: 42601",
        extra.getMessage());
    assertEquals("PARSE_SYNTAX_ERROR",
        assertThrows(AnalysisException.class, () -> StructType.fromDDL(null)).getErrorClass());
  }

  @Test
  void fromDdlCarriesTheAnalysisExceptionForTheSqlParser() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataType.fromDDL("integr"));
    assertEquals("[UNSUPPORTED_DATATYPE] Unsupported data type \"INTEGR\". SQLSTATE: 0A000", e.getMessage());
    assertInstanceOf(AnalysisException.class, e.getCause());
  }
}
