package dev.quiver.sql.types;

import dev.quiver.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads type names ({@code int}, {@code decimal(10,2)}, {@code array<map<string,int>>}) and schema DDL
 * ({@code a INT, `b c` STRING NOT NULL}) the way Spark's DDL parser does for these forms. Text it cannot read
 * is an {@link AnalysisException} with Spark's parser error classes: {@code UNSUPPORTED_DATATYPE} for an
 * unknown type name, {@code PARSE_SYNTAX_ERROR} for malformed text.
 */
final class DdlParser {
  private final String text;
  private int pos;

  private DdlParser(String text) {
    this.text = text;
  }

  static DataType parseType(String ddl) {
    DdlParser p = new DdlParser(checkText(ddl));
    DataType t = p.type();
    p.expectEnd();
    return t;
  }

  static StructType parseSchema(String ddl) {
    DdlParser p = new DdlParser(checkText(ddl));
    p.skipSpace();
    String lower = ddl.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("struct<")) {
      DataType t = p.type();
      p.expectEnd();
      return (StructType) t;
    }
    List<StructField> fields = new ArrayList<>();
    if (!p.atEnd()) {
      do {
        fields.add(p.field(false));
      } while (p.accept(','));
    }
    p.expectEnd();
    return StructType.of(fields);
  }

  private static String checkText(String ddl) {
    if (ddl == null) {
      throw new AnalysisException("PARSE_SYNTAX_ERROR", "Syntax error at or near end of input: a data type or "
          + "schema is needed, but got null.", "42601");
    }
    return ddl;
  }

  static String quoteIfNeeded(String name) {
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  private StructField field(boolean colonAllowed) {
    String name = identifier();
    skipSpace();
    if (colonAllowed || peek() == ':') {
      accept(':');
    }
    DataType type = type();
    boolean nullable = true;
    skipSpace();
    if (acceptWord("NOT")) {
      if (!acceptWord("NULL")) {
        throw error("NULL after NOT");
      }
      nullable = false;
    }
    if (acceptWord("COMMENT")) {
      stringLiteral();
    }
    return new StructField(name, type, nullable);
  }

  private DataType type() {
    skipSpace();
    int start = pos;
    String word = word().toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      pos = start;
      throw error("a data type");
    }
    switch (word) {
      case "boolean":
      case "bool":
        return DataTypes.BooleanType;
      case "tinyint":
      case "byte":
        return DataTypes.ByteType;
      case "smallint":
      case "short":
        return DataTypes.ShortType;
      case "int":
      case "integer":
        return DataTypes.IntegerType;
      case "bigint":
      case "long":
        return DataTypes.LongType;
      case "float":
      case "real":
        return DataTypes.FloatType;
      case "double":
        return DataTypes.DoubleType;
      case "string":
        return DataTypes.StringType;
      case "varchar":
      case "char":
      case "character":
        if (accept('(')) {
          number();
          expect(')');
        }
        return DataTypes.StringType;
      case "binary":
        return DataTypes.BinaryType;
      case "date":
        return DataTypes.DateType;
      case "timestamp":
      case "timestamp_ltz":
        return DataTypes.TimestampType;
      case "timestamp_ntz":
        return DataTypes.TimestampNTZType;
      case "void":
        return DataTypes.NullType;
      case "decimal":
      case "dec":
      case "numeric":
        if (accept('(')) {
          int precision = number();
          int scale = 0;
          if (accept(',')) {
            scale = number();
          }
          expect(')');
          return new DecimalType(precision, scale);
        }
        return DecimalType.USER_DEFAULT;
      case "array": {
        expect('<');
        DataType element = type();
        expect('>');
        return new ArrayType(element, true);
      }
      case "map": {
        expect('<');
        DataType key = type();
        expect(',');
        DataType value = type();
        expect('>');
        return new MapType(key, value, true);
      }
      case "struct": {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        skipSpace();
        if (peek() != '>') {
          do {
            fields.add(field(true));
          } while (accept(','));
        }
        expect('>');
        return StructType.of(fields);
      }
      default:
        // Spark's QueryParsingErrors.dataTypeUnsupportedError: the name as toSQLType prints it.
        throw new AnalysisException("UNSUPPORTED_DATATYPE", "Unsupported data type \""
            + text.substring(start, pos).toUpperCase(Locale.ROOT) + "\".", "0A000");
    }
  }

  private String identifier() {
    skipSpace();
    if (peek() == '`') {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '`') {
          if (pos < text.length() && text.charAt(pos) == '`') {
            sb.append('`');
            pos++;
          } else {
            return sb.toString();
          }
        } else {
          sb.append(c);
        }
      }
      throw error("closing backquote");
    }
    String w = word();
    if (w.isEmpty()) {
      throw error("a column name");
    }
    return w;
  }

  private String word() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean acceptWord(String w) {
    skipSpace();
    int save = pos;
    String got = word();
    if (got.equalsIgnoreCase(w)) {
      return true;
    }
    pos = save;
    return false;
  }

  private void stringLiteral() {
    skipSpace();
    char q = peek();
    if (q != '\'' && q != '"') {
      throw error("a quoted comment");
    }
    pos++;
    while (pos < text.length() && text.charAt(pos) != q) {
      pos++;
    }
    expect(q);
  }

  private int number() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("a number");
    }
    return Integer.parseInt(text.substring(start, pos));
  }

  private boolean accept(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("'" + c + "'");
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean atEnd() {
    skipSpace();
    return pos >= text.length();
  }

  private void expectEnd() {
    if (!atEnd()) {
      throw error("end of input");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /**
   * Spark's PARSE_SYNTAX_ERROR at the current position: {@code Syntax error at or near 'x'.} (or {@code end of
   * input}), with Spark's kind of hint where there is one ({@code : missing ')'}, {@code : extra input 'x'}).
   */
  private AnalysisException error(String expected) {
    skipSpace();
    String token = null;
    if (pos < text.length()) {
      int end = pos;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
        end++;
      }
      token = end == pos ? text.substring(pos, pos + 1) : text.substring(pos, end);
    }
    String hint = "";
    if (expected.equals("end of input") && token != null) {
      hint = ": extra input '" + token + "'";
    } else if (expected.length() == 3 && expected.charAt(0) == '\'') {
      hint = ": missing " + expected;
    }
    return new AnalysisException("PARSE_SYNTAX_ERROR", "Syntax error at or near "
        + (token == null ? "end of input" : "'" + token + "'") + hint + ".", "42601");
  }
}
