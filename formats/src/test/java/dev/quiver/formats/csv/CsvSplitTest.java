package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-range splits: every record is read exactly once, however the file is cut. */
class CsvSplitTest extends CsvTestSupport {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType)
      .add("name", DataTypes.StringType).add("score", DataTypes.IntegerType);

  private List<List<Object>> readInRanges(String path, long[] cuts, FormatOptions options) {
    long len = info(path).length();
    List<List<Object>> rows = new ArrayList<>();
    long start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      long end = i < cuts.length ? cuts[i] : len;
      rows.addAll(readSplit(new FileSplit(path, start, end - start, len), SCHEMA, SCHEMA, options, 3));
      start = end;
    }
    return rows;
  }

  private String numbered(String name, int n, String lineEnd) throws IOException {
    StringBuilder sb = new StringBuilder("id,name,score").append(lineEnd);
    for (int i = 1; i <= n; i++) {
      sb.append(i).append(",name ").append("é".repeat(i % 4)).append(i).append(',').append(i * 10).append(lineEnd);
    }
    return file(name, sb.toString());
  }

  private static List<List<Object>> expected(int n) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(row(i, "name " + "é".repeat(i % 4) + i, i * 10));
    }
    return rows;
  }

  @Test
  void everyCutIntoThreeRangesReadsEachRecordOnce() throws IOException {
    for (String lineEnd : new String[] {"\n", "\r\n", "\r"}) {
      String path = numbered("n" + lineEnd.length() + (int) lineEnd.charAt(0) + ".csv", 8, lineEnd);
      long len = info(path).length();
      // All pairs of cut points: ranges start mid-line, at line starts, inside CRLF and inside the header.
      for (long a = 0; a <= len; a++) {
        for (long b = a; b <= len; b += 5) {
          List<List<Object>> rows = readInRanges(path, new long[] {a, b}, opts("header", "true"));
          assertEquals(expected(8), rows, "cuts " + a + "," + b + " line end " + lineEnd.length());
        }
      }
    }
  }

  @Test
  void fourRangesWithoutHeaderAndBlankLines() throws IOException {
    String path = file("blank.csv", "1,a,10\n\n2,b,20\n   \n3,c,30\n4,d,40\n\n");
    long len = info(path).length();
    for (long a = 0; a < len; a++) {
      List<List<Object>> rows = readInRanges(path, new long[] {a, Math.min(len, a + 5), Math.min(len, a + 9)},
          opts());
      assertEquals(List.of(row(1, "a", 10), row(2, "b", 20), row(3, "c", 30), row(4, "d", 40)), rows, "cut " + a);
    }
  }

  @Test
  void headerIsOnlySkippedInTheFirstRange() throws IOException {
    String path = numbered("h.csv", 3, "\n");
    long len = info(path).length();
    // The first range holds only part of the header line; the second starts on the first data line.
    List<List<Object>> first = readSplit(new FileSplit(path, 0, 5, len), SCHEMA, SCHEMA, opts("header", "true"), 10);
    List<List<Object>> rest = readSplit(new FileSplit(path, 5, len - 5, len), SCHEMA, SCHEMA,
        opts("header", "true"), 10);
    assertEquals(List.of(), first);
    assertEquals(expected(3), rest);
  }

  @Test
  void customLineSeparatorSplits() throws IOException {
    String path = file("sep.csv", "1,a,10|2,b,20|3,c,30|4,d,40");
    long len = info(path).length();
    for (long a = 0; a <= len; a++) {
      assertEquals(List.of(row(1, "a", 10), row(2, "b", 20), row(3, "c", 30), row(4, "d", 40)),
          readInRanges(path, new long[] {a}, opts("lineSep", "|")), "cut " + a);
    }
  }

  @Test
  void quotedNewlineAcrossRangesIsTheDocumentedLimitation() throws IOException {
    String path = file("q.csv", "1,\"a\nb\",10\n2,c,20\n");
    // Whole file: quote-aware.
    assertEquals(List.of(row(1, "a\nb", 10), row(2, "c", 20)), read(path, SCHEMA, opts()));
    // Cut into ranges: lines are cut at every line break, as Spark does without multiLine.
    List<List<Object>> rows = readInRanges(path, new long[] {4}, opts());
    // The second piece has two fields and a bad id: Spark then nulls the whole row.
    assertEquals(List.of(row(1, "a", null), row(null, null, null), row(2, "c", 20)), rows);
    // With multiLine the first range reads the whole file and the others nothing.
    assertEquals(List.of(row(1, "a\nb", 10), row(2, "c", 20)), readInRanges(path, new long[] {4},
        opts("multiLine", "true")));
  }

  @Test
  void lineRangeStreamHandsOutTheLinesStartingInTheRange() throws IOException {
    byte[] data = "ab\ncd\r\nef\rgh".getBytes(StandardCharsets.US_ASCII);
    assertEquals("ab\n", range(data, 0, 1));
    assertEquals("ab\ncd\r\n", range(data, 0, 4));
    assertEquals("cd\r\n", range(data, 1, 4));
    assertEquals("cd\r\n", range(data, 3, 5));
    assertEquals("", range(data, 4, 6));
    assertEquals("ef\r", range(data, 6, 8));
    assertEquals("ef\rgh", range(data, 7, 12));
    assertEquals("gh", range(data, 10, 12));
    assertEquals("ef\r", range(data, 7, 10));
  }

  private static String range(byte[] data, long start, long end) throws IOException {
    InputStream in = new ByteArrayInputStream(data);
    in.skipNBytes(Math.max(0, start - 1));
    try (InputStream r = LineRangeInputStream.open(in, start, end, null)) {
      // One byte at a time, to exercise a line end that does not fit into the caller's buffer.
      StringBuilder sb = new StringBuilder();
      int b;
      while ((b = r.read()) >= 0) {
        sb.append((char) b);
      }
      return sb.toString();
    }
  }
}
