package dev.quiver.formats.csv;

import dev.quiver.sql.QuiverException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * Splits CSV text into records and records into fields, with the semantics of univocity's parser as Spark
 * configures it (commons-csv differs: it turns {@code \n} after the escape character into a newline and rejects
 * text after a closing quote, where Spark keeps both):
 * <ul>
 *   <li>an unquoted empty field is null; a quoted empty field ({@code ""}) is {@code emptyValue} (default "");
 *       the caller applies {@code nullValue};</li>
 *   <li>unquoted fields are literal up to the separator or the line end: quotes and escapes inside them have
 *       no meaning;</li>
 *   <li>inside quotes, escape+quote is a quote ({@code \"}), escape-escape+escape is the escape ({@code \\}),
 *       any other escape stays as typed; with {@code escape} equal to {@code quote}, a doubled quote is a
 *       quote;</li>
 *   <li>whitespace after a closing quote is ignored; other text after it makes the field the quoted text
 *       (quotes included) plus that text up to the separator, as univocity's STOP_AT_DELIMITER does;</li>
 *   <li>empty and whitespace-only lines and, with {@code comment} set, lines starting with it are skipped;</li>
 *   <li>lines end at CR, LF or CRLF, or at {@code lineSep} when set. When {@code quotedNewlines} is false
 *       (reading part of a file) a line end also ends an open quoted field, so one bad quote spoils one line
 *       only; when true (multiLine, or a whole file) quoted fields may span lines.</li>
 * </ul>
 * Fields are held in a reused array; {@link #setWanted} skips building strings for fields nobody reads. The
 * buffer always holds the whole current record, so its raw text is available for the corrupt-record column.
 * Not thread-safe.
 */
final class CsvTokenizer implements AutoCloseable {
  private static final int INITIAL_BUFFER_CHARS = 64 * 1024;

  private final Reader in;
  private final String source;
  private final String charsetName;
  private final boolean quotedNewlines;
  private final char[] delimiter;
  private final char delimiter0;
  private final boolean quoting;
  private final char quote;
  private final char escape;
  private final char escapeEscape;
  private final boolean commentSet;
  private final char comment;
  private final char[] lineSep;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final String emptyValue;
  private final int maxColumns;

  // buf[mark, limit) holds the current record from its first character; pos is the next character to read.
  // Reading more input moves the record to the front of the buffer, so positions held across a read are kept
  // relative to mark.
  private char[] buf = new char[INITIAL_BUFFER_CHARS];
  private int pos;
  private int limit;
  private int mark;
  private boolean eof;

  private String[] tokens = new String[16];
  private int count;
  private boolean[] wanted;
  private final StringBuilder field = new StringBuilder();
  private long line = 1;
  private long recordLine;
  private int recordLength;

  CsvTokenizer(Reader in, CsvOptions options, boolean quotedNewlines, String source) {
    this.in = in;
    this.source = source;
    this.charsetName = options.charset.name();
    this.quotedNewlines = quotedNewlines;
    this.delimiter = options.delimiter.toCharArray();
    this.delimiter0 = delimiter[0];
    this.quoting = options.quoting();
    this.quote = options.quote;
    this.escape = options.escape;
    this.escapeEscape = options.escapeEscape;
    this.commentSet = options.commentSet();
    this.comment = options.comment;
    this.lineSep = options.lineSep == null ? null : options.lineSep.toCharArray();
    this.trimLeading = options.ignoreLeadingWhiteSpaceInRead;
    this.trimTrailing = options.ignoreTrailingWhiteSpaceInRead;
    this.emptyValue = options.emptyValueInRead;
    this.maxColumns = options.maxColumns;
  }

  /** Only fields whose index is true get their text built; others read as null. Null means all. */
  void setWanted(boolean[] wanted) {
    this.wanted = wanted == null ? null : wanted.clone();
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() {
    count = 0;
    while (true) {
      mark = pos;
      recordLine = line;
      if (!ensure(1)) {
        recordLength = 0;
        return false;
      }
      if (!skipIgnorableLine()) {
        break;
      }
    }
    boolean more = true;
    while (more) {
      more = parseField();
    }
    return true;
  }

  int tokenCount() {
    return count;
  }

  /** The field's text; null for an unquoted empty field and for fields not wanted. */
  String token(int i) {
    return tokens[i];
  }

  /** The current record as it appears in the input, without its line end. */
  String rawRecord() {
    return new String(buf, mark, recordLength);
  }

  /** 1-based line of the input on which the current record starts. */
  long recordLine() {
    return recordLine;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new QuiverException("Cannot close the CSV file " + source + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ lines

  /** Skips an empty, whitespace-only or comment line at pos; false when the line holds a record. */
  private boolean skipIgnorableLine() {
    if (commentSet && buf[pos] == comment) {
      skipRestOfLine();
      return true;
    }
    int i = 0;
    while (true) {
      if (!ensure(i + 1)) {
        pos += i;
        return true;
      }
      char c = buf[pos + i];
      if (isLineEndStart(c)) {
        int eol = lineEndAt(i);
        if (eol > 0) {
          pos += i + eol;
          line++;
          return true;
        }
      }
      if (c > ' ' || delimiterAt(i) > 0) {
        return false;
      }
      i++;
    }
  }

  private void skipRestOfLine() {
    while (ensure(1)) {
      if (isLineEndStart(buf[pos])) {
        int eol = lineEndAt(0);
        if (eol > 0) {
          pos += eol;
          line++;
          return;
        }
      }
      pos++;
    }
  }

  private boolean isLineEndStart(char c) {
    return lineSep == null ? c == '\n' || c == '\r' : c == lineSep[0];
  }

  /** Length of the line end starting {@code off} characters after pos, 0 if there is none. */
  private int lineEndAt(int off) {
    char c = buf[pos + off];
    if (lineSep == null) {
      if (c == '\n') {
        return 1;
      }
      if (c == '\r') {
        return ensure(off + 2) && buf[pos + off + 1] == '\n' ? 2 : 1;
      }
      return 0;
    }
    return matchesAt(off, lineSep) ? lineSep.length : 0;
  }

  /** Length of the separator starting {@code off} characters after pos, 0 if there is none. */
  private int delimiterAt(int off) {
    if (buf[pos + off] != delimiter0) {
      return 0;
    }
    return delimiter.length == 1 || matchesAt(off, delimiter) ? delimiter.length : 0;
  }

  private boolean matchesAt(int off, char[] s) {
    if (!ensure(off + s.length)) {
      return false;
    }
    for (int k = 0; k < s.length; k++) {
      if (buf[pos + off + k] != s[k]) {
        return false;
      }
    }
    return true;
  }

  /** Consumes a line end of {@code eol} characters at pos that ends the record. */
  private void endRecord(int eol) {
    recordLength = pos - mark;
    pos += eol;
    line++;
  }

  // ------------------------------------------------------------------ fields

  /** Parses one field at pos; true if a separator followed (another field comes), false if the record ended. */
  private boolean parseField() {
    if (trimLeading) {
      skipLeadingWhitespace();
    }
    if (!ensure(1)) {
      addToken(null);
      recordLength = pos - mark;
      return false;
    }
    int sep = delimiterAt(0);
    if (sep > 0) {
      addToken(null);
      pos += sep;
      return true;
    }
    if (isLineEndStart(buf[pos])) {
      int eol = lineEndAt(0);
      if (eol > 0) {
        addToken(null);
        endRecord(eol);
        return false;
      }
    }
    if (quoting && buf[pos] == quote) {
      return parseQuoted();
    }
    return parseUnquoted();
  }

  private void skipLeadingWhitespace() {
    while (ensure(1) && buf[pos] <= ' ' && delimiterAt(0) == 0
        && !(isLineEndStart(buf[pos]) && lineEndAt(0) > 0)) {
      pos++;
    }
  }

  private boolean parseUnquoted() {
    int startRel = pos - mark;
    int i = 0;
    while (true) {
      if (!ensure(i + 1)) {
        pos += i;
        addToken(unquotedToken(startRel));
        recordLength = pos - mark;
        return false;
      }
      char c = buf[pos + i];
      if (c == delimiter0) {
        int sep = delimiterAt(i);
        if (sep > 0) {
          pos += i;
          addToken(unquotedToken(startRel));
          pos += sep;
          return true;
        }
      }
      if (isLineEndStart(c)) {
        int eol = lineEndAt(i);
        if (eol > 0) {
          pos += i;
          addToken(unquotedToken(startRel));
          endRecord(eol);
          return false;
        }
      }
      i++;
    }
  }

  /** The text from startRel to pos, trimmed at the end if asked; null when it is empty or not wanted. */
  private String unquotedToken(int startRel) {
    if (!isWanted(count)) {
      return null;
    }
    int start = mark + startRel;
    int end = pos;
    if (trimTrailing) {
      while (end > start && buf[end - 1] <= ' ') {
        end--;
      }
    }
    return end == start ? null : new String(buf, start, end - start);
  }

  private boolean parseQuoted() {
    pos++;
    field.setLength(0);
    boolean copied = false;
    int segRel = pos - mark;
    while (true) {
      if (!ensure(1)) {
        // An unclosed quote runs to the end of the input, as in univocity.
        addToken(quotedToken(copied, segRel, pos - mark));
        recordLength = pos - mark;
        return false;
      }
      char c = buf[pos];
      if (c == escapeEscape && escapeEscape != 0 && escape != 0 && ensure(2) && buf[pos + 1] == escape) {
        appendSegment(segRel, pos);
        field.append(escape);
        copied = true;
        pos += 2;
        segRel = pos - mark;
        continue;
      }
      if (c == escape && escape != 0 && escape != quote && ensure(2) && buf[pos + 1] == quote) {
        appendSegment(segRel, pos);
        field.append(quote);
        copied = true;
        pos += 2;
        segRel = pos - mark;
        continue;
      }
      if (c == quote) {
        if (escape == quote && ensure(2) && buf[pos + 1] == quote) {
          appendSegment(segRel, pos);
          field.append(quote);
          copied = true;
          pos += 2;
          segRel = pos - mark;
          continue;
        }
        // Relative to the record start: looking past the quote may move the buffer.
        int closeRel = pos - mark;
        pos++;
        return afterClosingQuote(copied, segRel, closeRel);
      }
      if (isLineEndStart(c)) {
        int eol = lineEndAt(0);
        if (eol > 0) {
          if (!quotedNewlines) {
            addToken(quotedToken(copied, segRel, pos - mark));
            endRecord(eol);
            return false;
          }
          pos += eol;
          line++;
          continue;
        }
      }
      pos++;
    }
  }

  private void appendSegment(int segRel, int end) {
    int start = mark + segRel;
    field.append(buf, start, end - start);
  }

  /** The quoted field's value: the copied text plus the pending segment [segRel, endRel) of the record. */
  private String quotedToken(boolean copied, int segRel, int endRel) {
    if (!isWanted(count)) {
      return null;
    }
    int start = mark + segRel;
    int end = mark + endRel;
    if (!copied) {
      return end == start ? emptyValue : new String(buf, start, end - start);
    }
    field.append(buf, start, end - start);
    return field.length() == 0 ? emptyValue : field.toString();
  }

  /** After a closing quote at {@code closeRel} (pos is just past it): whitespace, then separator or line end. */
  private boolean afterClosingQuote(boolean copied, int segRel, int closeRel) {
    int i = 0;
    while (ensure(i + 1)) {
      char c = buf[pos + i];
      if (c > ' ' || delimiterAt(i) > 0 || (isLineEndStart(c) && lineEndAt(i) > 0)) {
        break;
      }
      i++;
    }
    if (!ensure(i + 1)) {
      addToken(quotedToken(copied, segRel, closeRel));
      pos += i;
      recordLength = pos - mark;
      return false;
    }
    int sep = delimiterAt(i);
    if (sep > 0) {
      addToken(quotedToken(copied, segRel, closeRel));
      pos += i + sep;
      return true;
    }
    if (isLineEndStart(buf[pos + i])) {
      int eol = lineEndAt(i);
      if (eol > 0) {
        addToken(quotedToken(copied, segRel, closeRel));
        pos += i;
        endRecord(eol);
        return false;
      }
    }
    return unescapedQuote(copied, segRel, closeRel);
  }

  /**
   * Text follows a closing quote: the field becomes quote + value so far + quote + the rest of the text up to
   * the separator or line end, taken literally (univocity's STOP_AT_DELIMITER).
   */
  private boolean unescapedQuote(boolean copied, int segRel, int closeRel) {
    if (!copied) {
      field.setLength(0);
    }
    appendSegment(segRel, mark + closeRel);
    field.insert(0, quote).append(quote);
    int restRel = pos - mark;
    int i = 0;
    boolean more;
    int eol = 0;
    while (true) {
      if (!ensure(i + 1)) {
        more = false;
        break;
      }
      char c = buf[pos + i];
      if (c == delimiter0 && delimiterAt(i) > 0) {
        more = true;
        break;
      }
      if (isLineEndStart(c)) {
        eol = lineEndAt(i);
        if (eol > 0) {
          more = false;
          break;
        }
      }
      i++;
    }
    pos += i;
    appendSegment(restRel, pos);
    if (trimTrailing) {
      int n = field.length();
      while (n > 0 && field.charAt(n - 1) <= ' ') {
        n--;
      }
      field.setLength(n);
    }
    addToken(isWanted(count) ? field.toString() : null);
    if (more) {
      pos += delimiter.length;
    } else if (eol > 0) {
      endRecord(eol);
    } else {
      recordLength = pos - mark;
    }
    return more;
  }

  private boolean isWanted(int index) {
    return wanted == null || (index < wanted.length && wanted[index]);
  }

  private void addToken(String value) {
    if (count == maxColumns) {
      throw new QuiverException("A record of " + source + " starting on line " + recordLine + " has more than "
          + maxColumns + " columns; check the 'sep' and 'quote' options, or raise the option 'maxColumns'.");
    }
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, tokens.length * 2);
    }
    tokens[count++] = value;
  }

  // ------------------------------------------------------------------ buffer

  /** Whether at least n characters are available from pos, reading more input if needed. */
  private boolean ensure(int n) {
    while (limit - pos < n) {
      if (eof) {
        return false;
      }
      fill();
    }
    return true;
  }

  private void fill() {
    if (mark > 0) {
      // Keep the current record: it is the raw text of the corrupt-record column and field starts point into it.
      System.arraycopy(buf, mark, buf, 0, limit - mark);
      pos -= mark;
      limit -= mark;
      mark = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n;
    try {
      n = in.read(buf, limit, buf.length - limit);
    } catch (CharacterCodingException e) {
      throw new QuiverException("Cannot decode " + source + " as " + charsetName + " near line " + line
          + " (" + e + "). Set the option 'encoding' to the character set the file was written in.", e);
    } catch (IOException e) {
      throw new QuiverException("Cannot read the CSV file " + source + " near line " + line + ": "
          + e.getMessage(), e);
    }
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
