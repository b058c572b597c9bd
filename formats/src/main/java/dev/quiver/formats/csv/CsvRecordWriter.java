package dev.quiver.formats.csv;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes records as univocity's CSV writer does with Spark's settings:
 * <ul>
 *   <li>leading and trailing whitespace (characters up to U+0020) is trimmed unless
 *       ignoreLeadingWhiteSpace/ignoreTrailingWhiteSpace are false (Spark's write default is to trim);</li>
 *   <li>null is written as {@code nullValue} (default empty), an empty string as {@code emptyValue} (default
 *       {@code ""}), so the two read back differently;</li>
 *   <li>a value is quoted when it contains the separator, CR, LF, a character of lineSep, or (with
 *       escapeQuotes, the default) the quote; when it starts with the quote; when it is in the first column
 *       and starts with the comment character ({@code #} unless the comment option names another, as in
 *       univocity); always with quoteAll;</li>
 *   <li>inside quotes the quote is preceded by the escape character ({@code \"}) and the escape character by
 *       charToEscapeQuoteEscaping (default: itself), so the reader gets the value back;</li>
 *   <li>a record whose text is empty is not written (a reader skips empty lines anyway).</li>
 * </ul>
 */
final class CsvRecordWriter {
  private final Writer out;
  private final String delimiter;
  private final char delimiter0;
  private final boolean quoting;
  private final char quote;
  private final char escape;
  private final char escapeEscape;
  private final char comment;
  private final String lineSep;
  private final boolean customLineSep;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final String nullValue;
  private final String emptyValue;
  private final boolean quoteAll;
  private final boolean escapeQuotes;
  private final StringBuilder record = new StringBuilder(256);
  private char[] scratch = new char[256];

  CsvRecordWriter(Writer out, CsvOptions o) {
    this.out = out;
    this.delimiter = o.delimiter;
    this.delimiter0 = o.delimiter.charAt(0);
    this.quoting = o.quoting();
    this.quote = o.quote;
    this.escape = o.escape;
    this.escapeEscape = o.escapeEscape;
    this.comment = o.commentSet() ? o.comment : '#';
    this.customLineSep = o.lineSep != null;
    this.lineSep = customLineSep ? o.lineSep : "\n";
    this.trimLeading = o.ignoreLeadingWhiteSpaceInWrite;
    this.trimTrailing = o.ignoreTrailingWhiteSpaceInWrite;
    this.nullValue = o.nullValue;
    this.emptyValue = o.emptyValueInWrite;
    this.quoteAll = o.quoteAll;
    this.escapeQuotes = o.escapeQuotes;
  }

  /** Writes {@code values[0, n)} as one record; a null element is SQL null. */
  void write(String[] values, int n) throws IOException {
    record.setLength(0);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        record.append(delimiter);
      }
      appendField(values[i], i);
    }
    if (record.length() > 0) {
      record.append(lineSep);
      int len = record.length();
      if (scratch.length < len) {
        scratch = new char[Math.max(len, scratch.length * 2)];
      }
      // Through a reused array: Writer.append(CharSequence) would copy the record into a new String.
      record.getChars(0, len, scratch, 0);
      out.write(scratch, 0, len);
    }
  }

  private void appendField(String v, int column) {
    if (v == null) {
      if (quoteAll && quoting) {
        appendQuoted(nullValue, 0, nullValue.length());
      } else {
        record.append(nullValue);
      }
      return;
    }
    int s = 0;
    int e = v.length();
    if (trimLeading) {
      while (s < e && v.charAt(s) <= ' ') {
        s++;
      }
    }
    if (trimTrailing) {
      while (e > s && v.charAt(e - 1) <= ' ') {
        e--;
      }
    }
    if (s == e) {
      record.append(emptyValue);
    } else if (quoting && needsQuotes(v, s, e, column)) {
      appendQuoted(v, s, e);
    } else {
      record.append(v, s, e);
    }
  }

  private boolean needsQuotes(String v, int s, int e, int column) {
    if (quoteAll) {
      return true;
    }
    char first = v.charAt(s);
    if (first == quote || (column == 0 && first == comment)) {
      return true;
    }
    for (int i = s; i < e; i++) {
      char c = v.charAt(i);
      if (c == '\n' || c == '\r' || (escapeQuotes && c == quote)) {
        return true;
      }
      if (c == delimiter0 && v.startsWith(delimiter, i)) {
        return true;
      }
      if (customLineSep && lineSep.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private void appendQuoted(String v, int s, int e) {
    record.append(quote);
    for (int i = s; i < e; i++) {
      char c = v.charAt(i);
      if (c == quote) {
        record.append(escape != '\u0000' ? escape : quote);
      } else if (c == escape && escapeEscape != '\u0000') {
        record.append(escapeEscape);
      }
      record.append(c);
    }
    record.append(quote);
  }
}
