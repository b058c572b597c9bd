package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The bytes Spark 4's CSV writer (univocity-parsers 2.9.1 with Spark's settings) produces for values that need
 * quoting, escaping or trimming, each read back through the reader. Every expected text here was produced by
 * univocity 2.9.1 configured as {@code CSVOptions.asWriterSettings} configures it.
 */
class CsvWriteQuotingTest extends CsvTestSupport {
  private static StructType strings(int columns) {
    StructType schema = new StructType();
    for (int c = 0; c < columns; c++) {
      schema = schema.add("c" + c, DataTypes.StringType);
    }
    return schema;
  }

  private static String[] r(String... values) {
    return values;
  }

  /** Writes the rows (null elements are nulls) as string columns; returns the file's path. */
  private String write(String name, FormatOptions options, String[]... rows) {
    return write(name, strings(rows[0].length), options, rows);
  }

  private String write(String name, StructType schema, FormatOptions options, String[]... rows) {
    String path = tmp.resolve("out").resolve(name).toString();
    try (BatchWriter w = format.create(path, schema, options, allocator);
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(schema), allocator)) {
      root.allocateNew();
      for (int row = 0; row < rows.length; row++) {
        for (int c = 0; c < schema.length(); c++) {
          VarCharVector v = (VarCharVector) root.getVector(c);
          if (rows[row][c] == null) {
            v.setNull(row);
          } else {
            v.setSafe(row, rows[row][c].getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      root.setRowCount(rows.length);
      w.write(root);
    }
    return path;
  }

  private static String text(String path) throws IOException {
    return text(path, StandardCharsets.UTF_8);
  }

  private static String text(String path, Charset charset) throws IOException {
    return Files.readString(Path.of(path), charset);
  }

  private static List<List<Object>> rows(String[]... rows) {
    List<List<Object>> out = new ArrayList<>();
    for (String[] row : rows) {
      out.add(Arrays.asList((Object[]) row));
    }
    return out;
  }

  private List<List<Object>> readBack(String path, int columns, FormatOptions options) {
    return read(path, strings(columns), options);
  }

  @Test
  void valuesContainingTheSeparator() throws IOException {
    String[][] rows = {r("a,b", ","), r("x", "a,")};
    String path = write("sep.csv", opts(), rows);
    assertEquals("\"a,b\",\",\"\nx,\"a,\"\n", text(path));
    assertEquals(rows(rows), readBack(path, 2, opts()));
  }

  @Test
  void quotesAreEscapedWithTheBackslash() throws IOException {
    String[][] rows = {r("Tom \"TJ\" Jones", "\"quoted\""), r("5\" tall", "'single'")};
    String path = write("quotes.csv", opts(), rows);
    assertEquals("\"Tom \\\"TJ\\\" Jones\",\"\\\"quoted\\\"\"\n\"5\\\" tall\",'single'\n", text(path));
    assertEquals(rows(rows), readBack(path, 2, opts()));
  }

  @Test
  void backslashesAloneDoNotQuoteAndAreDoubledInsideQuotes() throws IOException {
    // C:\new is written as typed, and read back as typed: the reason reading does not use commons-csv, whose
    // parser would turn the \n into a newline.
    String[][] rows = {r("C:\\new", "C:\\temp\\"), r("a\\b,c", "back\\\"quote"), r("x,\\", "\\")};
    String path = write("backslash.csv", opts(), rows);
    assertEquals("C:\\new,C:\\temp\\\n"
        + "\"a\\\\b,c\",\"back\\\\\\\"quote\"\n"
        + "\"x,\\\\\",\\\n", text(path));
    assertEquals(rows(rows), readBack(path, 2, opts()));
  }

  @Test
  void lineBreaksAreQuotedAndTrailingOnesTrimmedInsideTheQuotes() throws IOException {
    String path = write("newlines.csv", opts(),
        r("two\nlines", "cr\rhere"), r("crlf\r\nx", "end\n"), r("a \n", "\n"));
    // Quoting is decided before trailing whitespace is trimmed: "end\n" is quoted for its LF, which the
    // trimming then removes; "\n" is only whitespace, so it is the empty string.
    assertEquals("\"two\nlines\",\"cr\rhere\"\n\"crlf\r\nx\",\"end\"\n\"a\",\"\"\n", text(path));
    assertEquals(rows(r("two\nlines", "cr\rhere"), r("crlf\r\nx", "end"), r("a", null)), readBack(path, 2, opts()));
    assertEquals(rows(r("two\nlines", "cr\rhere"), r("crlf\r\nx", "end"), r("a", "")),
        readBack(path, 2, opts("nullValue", "NA")));
  }

  @Test
  void leadingAndTrailingWhitespace() throws IOException {
    String[][] rows = {r("  a b  ", " x,y "), r("\ttab\t", "   ")};
    String trimmed = write("trim.csv", opts(), rows);
    assertEquals("a b,\"x,y\"\ntab,\"\"\n", text(trimmed));
    assertEquals(rows(r("a b", "x,y"), r("tab", "")), readBack(trimmed, 2, opts("nullValue", "NA")));

    String kept = write("keep.csv", opts("ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false"),
        rows);
    assertEquals("  a b  ,\" x,y \"\n\ttab\t,   \n", text(kept));
    assertEquals(rows(rows), readBack(kept, 2, opts()));

    String leading = write("leading.csv", opts("ignoreLeadingWhiteSpace", "false"),
        r("  a b  ", " x,y "), r("\ttab\t", "x"));
    assertEquals("  a b,\" x,y\"\n\ttab,x\n", text(leading));
    assertEquals(rows(r("  a b", " x,y"), r("\ttab", "x")), readBack(leading, 2, opts()));

    String trailing = write("trailing.csv", opts("ignoreTrailingWhiteSpace", "false"), rows);
    assertEquals("a b  ,\"x,y \"\ntab\t,\"\"\n", text(trailing));
    assertEquals(rows(r("a b  ", "x,y "), r("tab\t", "")), readBack(trailing, 2, opts("nullValue", "NA")));
  }

  @Test
  void onlyWhitespaceWithLeadingKeptAndTrailingTrimmedIsTheEmptyString() throws IOException {
    // The documented deviation: univocity 2.9.1 garbles these, writing the Java string "  \\\",x\na, \t \\\n".
    String path = write("blank.csv", opts("ignoreLeadingWhiteSpace", "false"), r("  ", "x"), r("a", " \t "));
    assertEquals("\"\",x\na,\"\"\n", text(path));
    assertEquals(rows(r("", "x"), r("a", "")), readBack(path, 2, opts("nullValue", "NA")));
  }

  @Test
  void theCommentCharacterQuotesOnlyTheFirstColumn() throws IOException {
    // The first column is quoted when its first character, before trimming, is the comment character.
    String[][] rows = {r("#first", "#second"), r(" #spaced", "x"), r("a#", "#")};
    String path = write("hash.csv", opts(), rows);
    assertEquals("\"#first\",#second\n#spaced,x\na#,#\n", text(path));
    assertEquals(rows(r("#first", "#second"), r("#spaced", "x"), r("a#", "#")), readBack(path, 2, opts()));

    String semicolon = write("semicolon.csv", opts("comment", ";"), r(";first", "#x"), r("#first", ";"));
    assertEquals("\";first\",#x\n#first,;\n", text(semicolon));
    assertEquals(rows(r(";first", "#x"), r("#first", ";")), readBack(semicolon, 2, opts("comment", ";")));
  }

  @Test
  void emptyStringsAndNulls() throws IOException {
    String[][] rows = {r("", null), r(null, ""), r("   ", "x")};
    String path = write("empty.csv", opts(), rows);
    assertEquals("\"\",\n,\"\"\n\"\",x\n", text(path));
    // With the default nullValue "" both read back as null, as in Spark.
    assertEquals(rows(r(null, null), r(null, null), r(null, "x")), readBack(path, 2, opts()));

    String na = write("na.csv", opts("nullValue", "NA"), rows);
    assertEquals("\"\",NA\nNA,\"\"\n\"\",x\n", text(na));
    assertEquals(rows(r("", null), r(null, ""), r("", "x")), readBack(na, 2, opts("nullValue", "NA")));
  }

  @Test
  void aRecordWithNothingToWriteIsSkipped() throws IOException {
    String path = write("one.csv", opts(), r((String) null), r("x"), r(""));
    assertEquals("x\n\"\"\n", text(path));
    assertEquals(rows(r("x"), r("")), readBack(path, 1, opts("nullValue", "NA")));
  }

  @Test
  void customNullAndEmptyValuesAreQuotedLikeValues() throws IOException {
    String custom = write("custom.csv", opts("nullValue", "NULL", "emptyValue", "EMPTY"), r("", null), r(null, "v"));
    assertEquals("EMPTY,NULL\nNULL,v\n", text(custom));
    // On reading, emptyValue is what a quoted empty field means, so EMPTY stays EMPTY, as in Spark.
    assertEquals(rows(r("EMPTY", null), r(null, "v")), readBack(custom, 2, opts("nullValue", "NULL")));

    String separator = write("nullsep.csv", opts("nullValue", "a,b"), r(null, "x"), r("y", null));
    assertEquals("\"a,b\",x\ny,\"a,b\"\n", text(separator));
    assertEquals(rows(r(null, "x"), r("y", null)), readBack(separator, 2, opts("nullValue", "a,b")));

    String hash = write("nullhash.csv", opts("nullValue", "#N/A"), r(null, null));
    assertEquals("\"#N/A\",#N/A\n", text(hash));
    assertEquals(rows(r(null, null)), readBack(hash, 2, opts("nullValue", "#N/A")));

    // A stand-in that starts and ends with the quote is written as typed.
    String quoted = write("nullquoted.csv", opts("nullValue", "\"N\""), r(null, ""));
    assertEquals("\"N\",\"\"\n", text(quoted));
    assertEquals(rows(r("N", "")), readBack(quoted, 2, opts("nullValue", "NA")));
  }

  @Test
  void quoteAll() throws IOException {
    String path = write("all.csv", opts("quoteAll", "true"), r("x", null), r("", "a\"b"), r("  y  ", "1"));
    // null and the empty string are both "" here, as in Spark.
    assertEquals("\"x\",\"\"\n\"\",\"a\\\"b\"\n\"y\",\"1\"\n", text(path));
    assertEquals(rows(r("x", ""), r("", "a\"b"), r("y", "1")), readBack(path, 2, opts("nullValue", "NA")));

    String custom = write("allcustom.csv", opts("quoteAll", "true", "nullValue", "NA", "emptyValue", "EMPTY"),
        r("x", null), r("", "a\"b"));
    assertEquals("\"x\",\"NA\"\n\"EMPTY\",\"a\\\"b\"\n", text(custom));
    assertEquals(rows(r("x", null), r("EMPTY", "a\"b")), readBack(custom, 2, opts("nullValue", "NA")));
  }

  @Test
  void escapeQuotesFalseOnlyStopsAQuoteFromQuotingAValue() throws IOException {
    // Spark's escapeQuotes is univocity's quoteEscapingEnabled: whether a quote alone makes a value quoted. A value
    // quoted for another reason (it starts with the quote, it contains the separator) still has its quotes
    // escaped.
    String[][] rows = {r("a\"b", "\"start"), r("a\"b,c", "end\"")};
    String path = write("noescape.csv", opts("escapeQuotes", "false"), rows);
    assertEquals("a\"b,\"\\\"start\"\n\"a\\\"b,c\",end\"\n", text(path));
    assertEquals(rows(rows), readBack(path, 2, opts()));
  }

  @Test
  void multiCharacterSeparators() throws IOException {
    String[][] rows = {r("a|b", "a||b"), r("||", "x")};
    String path = write("pipes.csv", opts("sep", "||"), rows);
    assertEquals("a|b||\"a||b\"\n\"||\"||x\n", text(path));
    assertEquals(rows(rows), readBack(path, 2, opts("sep", "||")));

    String[][] colons = {r("a::b", "a:::b"), r("c:d", "x")};
    String three = write("colons.csv", opts("sep", ":::"), colons);
    assertEquals("a::b:::\"a:::b\"\nc:d:::x\n", text(three));
    assertEquals(rows(colons), readBack(three, 2, opts("sep", ":::")));

    String tab = write("tab.csv", opts("sep", "\\t"), r("a\tb", "\tx"), r("a,b", "y"));
    assertEquals("\"a\tb\"\tx\na,b\ty\n", text(tab));
    assertEquals(rows(r("a\tb", "x"), r("a,b", "y")), readBack(tab, 2, opts("sep", "\\t")));
  }

  @Test
  void nonUtf8Charsets() throws IOException {
    String[][] rows = {r("café", "naïve,x"), r("ü\"", "ß")};
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String path = write("latin1.csv", opts("encoding", "ISO-8859-1"), rows);
    String expected = "café,\"naïve,x\"\n\"ü\\\"\",ß\n";
    assertArrayEquals(expected.getBytes(latin1), Files.readAllBytes(Path.of(path)));
    assertEquals(rows(rows), readBack(path, 2, opts("encoding", "ISO-8859-1")));

    String utf16 = write("utf16.csv", opts("charset", "UTF-16", "header", "true"), rows);
    assertArrayEquals(("c0,c1\n" + expected).getBytes(StandardCharsets.UTF_16), Files.readAllBytes(Path.of(utf16)));
    assertEquals(rows(rows), readBack(utf16, 2, opts("charset", "UTF-16", "header", "true")));
  }

  @Test
  void lineSeparators() throws IOException {
    // With a two-character lineSep a LF inside quotes is written as lineSep, as univocity does.
    String crlf = write("crlf.csv", opts("lineSep", "\r\n"), r("a\nb", "c"), r("x\r\ny", "z"));
    assertEquals("\"a\r\nb\",c\r\n\"x\r\r\ny\",z\r\n", text(crlf));
    assertEquals(rows(r("a\r\nb", "c"), r("x\r\r\ny", "z")), readBack(crlf, 2, opts("lineSep", "\r\n")));

    String semicolon = write("semi.csv", opts("lineSep", ";"), r("a;b", "c"), r("d", "e"));
    assertEquals("\"a;b\",c;d,e;", text(semicolon));
    assertEquals(rows(r("a;b", "c"), r("d", "e")), readBack(semicolon, 2, opts("lineSep", ";")));
  }

  @Test
  void otherQuoteAndEscapeCharacters() throws IOException {
    String single = write("single.csv", opts("quote", "'"), r("it's", "'x'"), r("a,b", "\"dq\""));
    assertEquals("'it\\'s','\\'x\\''\n'a,b',\"dq\"\n", text(single));
    assertEquals(rows(r("it's", "'x'"), r("a,b", "\"dq\"")), readBack(single, 2, opts("quote", "'")));

    String doubled = write("doubled.csv", opts("escape", "\""), r("a\"b", "c\\d"), r("x,\\", "y"));
    assertEquals("\"a\"\"b\",c\\d\n\"x,\\\",y\n", text(doubled));
    assertEquals(rows(r("a\"b", "c\\d"), r("x,\\", "y")), readBack(doubled, 2, opts("escape", "\"")));

    // charToEscapeQuoteEscaping other than the escape: the token is built by hand, not by commons-csv.
    String hash = write("cte.csv", opts("charToEscapeQuoteEscaping", "#"), r("a\\b,\"", "c\\d"), r("#\\", "y"));
    assertEquals("\"a#\\b,\\\"\",c\\d\n\"##\\\",y\n", text(hash));
    assertEquals(rows(r("a\\b,\"", "c\\d"), r("#\\", "y")),
        readBack(hash, 2, opts("charToEscapeQuoteEscaping", "#")));
  }

  @Test
  void emptyQuoteAndEscapeOptionsWriteU0000AsSparkDoes() throws IOException {
    // Spark documents quote="" for writing as the quote U+0000; escape="" escapes a quote with U+0000.
    assertEquals("\u0000a,b\u0000,plain\n\"\",\n",
        text(write("noquote.csv", opts("quote", ""), r("a,b", "plain"), r("", null))));
    assertEquals("\"a\u0000\"b\",x\n", text(write("noescape.csv", opts("escape", ""), r("a\"b", "x"))));
  }

  @Test
  void headerNamesAreQuotedLikeValues() throws IOException {
    StructType schema = new StructType().add("#id", DataTypes.StringType).add("a,b", DataTypes.StringType)
        .add(" padded ", DataTypes.StringType).add("'quoted'", DataTypes.StringType)
        .add("Q\"x", DataTypes.StringType);
    String path = write("header.csv", schema, opts("header", "true"), r("1", "2", "3", "4", "5"));
    // univocity trims names and takes a name in single quotes as a "literal" name, written without them.
    assertEquals("\"#id\",\"a,b\",padded,quoted,\"Q\\\"x\"\n1,2,3,4,5\n", text(path));
    assertEquals(List.of("#id", "a,b", "padded", "quoted", "Q\"x"),
        Arrays.asList(infer(opts("header", "true"), path).fieldNames()));
    assertEquals(rows(r("1", "2", "3", "4", "5")), read(path, schema, opts("header", "true")));

    String all = write("headerall.csv", strings(2), opts("header", "true", "quoteAll", "true"), r("x", "y"));
    assertEquals("\"c0\",\"c1\"\n\"x\",\"y\"\n", text(all));
  }
}
