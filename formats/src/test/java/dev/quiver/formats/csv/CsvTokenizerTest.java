package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.QuiverException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records and fields as univocity splits them with Spark's settings. */
class CsvTokenizerTest {

  private static List<List<String>> tokens(String text, boolean quotedNewlines, String... options) {
    return tokens(new StringReader(text), quotedNewlines, options);
  }

  private static List<List<String>> tokens(Reader reader, boolean quotedNewlines, String... options) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      m.put(options[i], options[i + 1]);
    }
    List<List<String>> out = new ArrayList<>();
    try (CsvTokenizer t = new CsvTokenizer(reader, CsvOptions.parse(FormatOptions.of(m)), quotedNewlines, "test")) {
      while (t.next()) {
        List<String> rec = new ArrayList<>();
        for (int i = 0; i < t.tokenCount(); i++) {
          rec.add(t.token(i));
        }
        out.add(rec);
      }
    }
    return out;
  }

  private static List<String> rec(String... fields) {
    return Arrays.asList(fields);
  }

  @Test
  void unquotedEmptyIsNullQuotedEmptyIsEmpty() {
    assertEquals(List.of(rec("a", null, "", null)), tokens("a,,\"\",\n", false));
    assertEquals(List.of(rec("a", null, "EMPTY")), tokens("a,,\"\"", false, "emptyValue", "EMPTY"));
  }

  @Test
  void backslashEscapesQuoteInsideQuotes() {
    assertEquals(List.of(rec("Tom \"TJ\" Jones", "38")), tokens("\"Tom \\\"TJ\\\" Jones\",38\n", false));
    // An escaped escape is one backslash; other backslashes stay as typed.
    assertEquals(List.of(rec("C:\\temp", "a\\nb")), tokens("\"C:\\\\temp\",\"a\\nb\"", false));
    // Outside quotes nothing is special.
    assertEquals(List.of(rec("a\\\"b", "x\"y")), tokens("a\\\"b,x\"y", false));
  }

  @Test
  void escapeEqualToQuoteMeansDoubledQuotes() {
    assertEquals(List.of(rec("say \"hi\"", "x")), tokens("\"say \"\"hi\"\"\",x", false, "escape", "\""));
  }

  @Test
  void textAfterClosingQuoteKeepsTheQuotesLikeUnivocity() {
    // With the default backslash escape a doubled quote is not an escape: the field is read up to the comma.
    assertEquals(List.of(rec("\"a\"\"b\"", "c")), tokens("\"a\"\"b\",c", false));
    assertEquals(List.of(rec("\"abc\" x", "y")), tokens("\"abc\" x,y", false));
    // Whitespace after the closing quote is dropped.
    assertEquals(List.of(rec("abc", "y")), tokens("\"abc\"   ,y", false));
  }

  @Test
  void separatorsMayBeMultiCharacterOrTab() {
    assertEquals(List.of(rec("a", "b;c", "d")), tokens("a||\"b;c\"||d\n", false, "sep", "||"));
    assertEquals(List.of(rec("a", "b", "", null)), tokens("a\tb\t\"\"\t\n", false, "sep", "\\t"));
    assertEquals(List.of(rec("a", "b|c")), tokens("a;b|c", false, "delimiter", ";"));
    // A partial multi-character separator is data.
    assertEquals(List.of(rec("a|b", "c")), tokens("a|b||c", false, "sep", "||"));
  }

  @Test
  void lineEndsCrLfCrlfAndBlankLinesSkipped() {
    assertEquals(List.of(rec("a", "b"), rec("c", "d"), rec("e", "f"), rec("g", null)),
        tokens("a,b\r\nc,d\re,f\n\n   \n\r\ng,\n", false));
  }

  @Test
  void customLineSeparator() {
    assertEquals(List.of(rec("a", "b\nc"), rec("d", "e")), tokens("a,b\nc|d,e|", false, "lineSep", "|"));
  }

  @Test
  void commentLinesOnlyWhenEnabled() {
    assertEquals(List.of(rec("a", "b"), rec("c", "d")), tokens("# note\na,b\n#x,y\nc,d", false, "comment", "#"));
    assertEquals(List.of(rec("#x", "y")), tokens("#x,y", false));
  }

  @Test
  void quotedNewlinesOnlyWhenAllowed() {
    String text = "1,\"two\nlines\",x\n2,b,y\n";
    assertEquals(List.of(rec("1", "two\nlines", "x"), rec("2", "b", "y")), tokens(text, true));
    // Reading a byte range: a line end closes the open quote, and the rest is a record of its own.
    assertEquals(List.of(rec("1", "two"), rec("lines\"", "x"), rec("2", "b", "y")), tokens(text, false));
  }

  @Test
  void unclosedQuoteRunsToEndOfInput() {
    assertEquals(List.of(rec("a", "b,c\nd")), tokens("a,\"b,c\nd", true));
  }

  @Test
  void whitespaceTrimmingOnlyWhenAsked() {
    assertEquals(List.of(rec(" a ", "  ", " \" q \" ")), tokens(" a ,  , \" q \" ", false));
    assertEquals(List.of(rec("a", null, " q ")),
        tokens(" a ,  , \" q \" ", false, "ignoreLeadingWhiteSpace", "true", "ignoreTrailingWhiteSpace", "true"));
  }

  @Test
  void rawRecordAndLineNumbers() {
    try (CsvTokenizer t = new CsvTokenizer(new StringReader("h1,h2\n\n1,\"a\nb\"\r\n3,c"),
        CsvOptions.parse(FormatOptions.empty()), true, "test")) {
      assertTrue(t.next());
      assertEquals(1, t.recordLine());
      assertTrue(t.next());
      assertEquals(3, t.recordLine());
      assertEquals("1,\"a\nb\"", t.rawRecord());
      assertTrue(t.next());
      assertEquals(5, t.recordLine());
      assertEquals("3,c", t.rawRecord());
    }
  }

  @Test
  void recordsLongerThanTheBufferAndFieldsAcrossRefills() {
    StringBuilder big = new StringBuilder();
    String longField = "x".repeat(200_000);
    for (int i = 0; i < 3; i++) {
      big.append(i).append(",\"").append(longField).append("\\\"\",").append(longField).append('\n');
    }
    // A reader handing out a few characters at a time makes every boundary case happen.
    Reader trickle = new StringReader(big.toString()) {
      @Override
      public int read(char[] cbuf, int off, int len) throws java.io.IOException {
        return super.read(cbuf, off, Math.min(len, 7));
      }
    };
    List<List<String>> records = tokens(trickle, true);
    assertEquals(3, records.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(rec(String.valueOf(i), longField + "\"", longField), records.get(i));
    }
  }

  @Test
  void bufferRefillRightAfterAClosingQuote() {
    // Chunks of 5 characters: the closing quote of the second record is the last character of a chunk, and that
    // record does not start at the beginning of the buffer, so looking past the quote moves the buffer.
    String text = "x\n\"b\",y\n\"c\"  \"d\"\n";
    Reader chunked = new StringReader(text) {
      @Override
      public int read(char[] cbuf, int off, int len) throws java.io.IOException {
        return super.read(cbuf, off, Math.min(len, 5));
      }
    };
    assertEquals(List.of(rec("x"), rec("b", "y"), rec("\"c\"  \"d\"")), tokens(chunked, true));
  }

  @Test
  void anyChunkingOfTheInputGivesTheSameRecords() {
    // Random text made of the characters that matter, read whole and in chunks of every small size.
    String[] pieces = {"a", "bc", ",", "||", "\"", "\\", "\n", "\r\n", " ", "\t", "é", "x\"y", "\"\"", "#"};
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      for (String[] options : new String[][] {{}, {"sep", "||"}, {"ignoreLeadingWhiteSpace", "true",
          "ignoreTrailingWhiteSpace", "true", "comment", "#"}, {"escape", "\""}}) {
        for (boolean quotedNewlines : new boolean[] {false, true}) {
          List<List<String>> whole = tokens(text, quotedNewlines, options);
          for (int chunk = 1; chunk <= 9; chunk++) {
            int size = chunk;
            Reader chunked = new StringReader(text) {
              @Override
              public int read(char[] cbuf, int off, int len) throws java.io.IOException {
                return super.read(cbuf, off, Math.min(len, size));
              }
            };
            assertEquals(whole, tokens(chunked, quotedNewlines, options),
                "text " + text.replace("\n", "\\n").replace("\r", "\\r") + " chunk " + size);
          }
        }
      }
    }
  }

  @Test
  void unwantedFieldsAreNotBuilt() {
    try (CsvTokenizer t = new CsvTokenizer(new StringReader("a,b,\"c\",d"), CsvOptions.parse(FormatOptions.empty()),
        false, "test")) {
      t.setWanted(new boolean[] {false, true, false});
      assertTrue(t.next());
      assertEquals(4, t.tokenCount());
      assertEquals(Arrays.asList(null, "b", null, null),
          Arrays.asList(t.token(0), t.token(1), t.token(2), t.token(3)));
    }
  }

  @Test
  void tooManyColumnsNamesTheSource() {
    QuiverException e = assertThrows(QuiverException.class, () -> tokens("a,b,c,d", false, "maxColumns", "3"));
    assertTrue(e.getMessage().contains("more than 3 columns"), e.getMessage());
  }
}
