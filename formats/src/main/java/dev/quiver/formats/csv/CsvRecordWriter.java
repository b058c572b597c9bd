package dev.quiver.formats.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Prints records through commons-csv, byte for byte as Spark 4 writes them. Spark's writer is univocity-parsers
 * 2.9.1 configured by {@code CSVOptions.asWriterSettings}; these are its rules, which this class reproduces
 * (checked against univocity 2.9.1 itself on over a million random records and option sets):
 * <ul>
 *   <li>null is written as {@code nullValue} (default empty), an empty string as {@code emptyValue} (default
 *       {@code ""}), and so is a string of only whitespace (characters up to U+0020) when leading whitespace is
 *       trimmed. These stand-ins are quoted by the rules below, except that one that starts and ends with the
 *       quote, like the default {@code ""}, is written as typed;</li>
 *   <li>leading and trailing whitespace is trimmed unless ignoreLeadingWhiteSpace/ignoreTrailingWhiteSpace are
 *       false (Spark's write default is to trim). Quoting is decided before trailing whitespace is trimmed, and
 *       that whitespace is trimmed inside the quotes: {@code "a\r"} is written {@code "a"};</li>
 *   <li>a value is quoted when, after leading trimming, it contains the separator, CR, LF, a character of
 *       {@code lineSep} or, with escapeQuotes (the default), the quote; when it starts with the quote; in the
 *       first column, when its first character before trimming is the comment character ({@code #} unless the
 *       comment option names another); always with quoteAll. The escape character alone does not quote a value,
 *       so {@code C:\temp} is written as typed. escapeQuotes=false only stops a quote from quoting a value: one
 *       quoted for another reason still has its quotes escaped;</li>
 *   <li>inside quotes the quote is preceded by the escape character ({@code \"}) and the escape character by
 *       charToEscapeQuoteEscaping (default: itself, so {@code \\}); with a two-character lineSep (CRLF) a LF
 *       inside quotes is written as lineSep;</li>
 *   <li>{@code quote=""} makes U+0000 the quote character, as Spark documents for writing;</li>
 *   <li>a record whose text is empty is not written (a reader skips empty lines anyway);</li>
 *   <li>column names are written like values, except that a name in single quotes ({@code 'a'}) loses them and,
 *       like names that differ only in case or surrounding whitespace, is not trimmed.</li>
 * </ul>
 *
 * <p>commons-csv cannot make these decisions itself: its MINIMAL quote mode quotes a value that starts with a
 * character up to {@code #} or ends with whitespace, and leaves one alone that merely starts with the quote. So
 * each value is decided here and printed through one of two formats that share the separator and the record
 * separator: {@code plain} (no quote, no escape: the text as given) or {@code quoted} ({@link QuoteMode#ALL}:
 * enclosed, the quote and the escape character preceded by the escape character, or a doubled quote when the
 * escape is the quote). Where commons-csv cannot escape as univocity does (charToEscapeQuoteEscaping other than
 * the escape character, an empty escape option, a quote or escape character that is whitespace such as the
 * U+0000 of {@code quote=""}, or options commons-csv rejects such as a separator containing the quote) the quoted
 * token is built here and printed through {@code plain}.
 *
 * <p>One deviation: when leading whitespace is kept but trailing whitespace trimmed, a value of only whitespace
 * is written as an empty string is; univocity garbles it there (two spaces become a space, a space, a backslash and
 * a quote).
 */
final class CsvRecordWriter {
  private final Writer out;
  private final String delimiter;
  private final char delimiter0;
  private final char quote;
  private final char escape;
  private final char escapeEscape;
  private final char comment;
  private final String lineSep;
  private final char lineSep0;
  private final char lineSep1;
  /**
   * Whether a LF inside quotes is written as lineSep: univocity's "normalized newline" is LF, written as the line
   * separator, unless lineSep is one character, which then is the normalized newline itself.
   */
  private final boolean newLineAsLineSep;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final String nullValue;
  private final String emptyValue;
  private final boolean quoteAll;
  private final boolean escapeQuotes;
  /** Prints text as given. */
  private final CSVFormat plain;
  /** Prints text quoted and escaped, or null when the quoted token is built by {@link #quotedToken}. */
  private final CSVFormat quoted;
  /** Whether the separator is written here: commons-csv rejects one containing a line break. */
  private final boolean ownDelimiter;
  private final StringBuilder record = new StringBuilder(256);
  private final StringBuilder token = new StringBuilder(64);
  private char[] scratch = new char[256];

  CsvRecordWriter(Writer out, CsvOptions o) {
    this.out = out;
    this.delimiter = o.delimiter;
    this.delimiter0 = o.delimiter.charAt(0);
    this.quote = o.quote;
    this.escape = o.escape;
    this.escapeEscape = o.escapeEscape;
    this.comment = o.commentSet() ? o.comment : '#';
    this.lineSep = o.lineSep != null ? o.lineSep : "\n";
    this.lineSep0 = lineSep.charAt(0);
    this.lineSep1 = lineSep.charAt(lineSep.length() - 1);
    this.newLineAsLineSep = lineSep.length() > 1;
    this.trimLeading = o.ignoreLeadingWhiteSpaceInWrite;
    this.trimTrailing = o.ignoreTrailingWhiteSpaceInWrite;
    this.nullValue = o.nullValue;
    this.emptyValue = o.emptyValueInWrite;
    this.quoteAll = o.quoteAll;
    this.escapeQuotes = o.escapeQuotes;

    CSVFormat withDelimiter = plainFormat(delimiter, lineSep);
    this.ownDelimiter = withDelimiter == null;
    this.plain = ownDelimiter ? plainFormat(",", lineSep) : withDelimiter;
    boolean commonsEscapes = quote > ' ' && (escape == quote || escape > ' ' && escapeEscape == escape)
        && !(newLineAsLineSep && (lineSep.indexOf(quote) >= 0 || lineSep.indexOf(escape) >= 0));
    this.quoted = commonsEscapes ? quotedFormat(plain, quote, escape) : null;
  }

  /** Prints text as given; null when commons-csv rejects the delimiter (it must not contain a line break). */
  private static CSVFormat plainFormat(String delimiter, String lineSep) {
    try {
      return CSVFormat.Builder.create()
          .setDelimiter(delimiter)
          .setRecordSeparator(lineSep)
          .setQuote(null)
          .setEscape(null)
          .setCommentMarker(null)
          .setNullString(null)
          .setTrim(false)
          .setIgnoreSurroundingSpaces(false)
          .get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Prints text enclosed in quotes, the quote and the escape character preceded by the escape character; with
   * the escape equal to the quote, commons-csv's default (no escape character) doubles the quote. Null when
   * commons-csv rejects the combination (a separator containing the quote or the escape character).
   */
  private static CSVFormat quotedFormat(CSVFormat plain, char quote, char escape) {
    try {
      return CSVFormat.Builder.create(plain)
          .setQuote(quote)
          .setEscape(escape == quote ? null : escape)
          .setQuoteMode(QuoteMode.ALL)
          .get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Writes {@code values[0, n)} as one record; a null element is SQL null. */
  void write(String[] values, int n) throws IOException {
    writeRecord(values, n, null);
  }

  /**
   * Writes the column names as the header record, as univocity's {@code writeHeaders} does: it reads the names
   * twice as "normalized strings", where a name in single quotes ({@code 'a'}) or one differing from another
   * only in case or surrounding whitespace is made "literal". The first reading strips the single quotes; an
   * empty name made literal becomes {@code ''}, which is not literal. After the second, literal names are written
   * untrimmed.
   */
  void writeHeader(String[] names) throws IOException {
    int n = names.length;
    boolean[] literal = literals(names);
    String[] written = new String[n];
    for (int i = 0; i < n; i++) {
      String name = names[i];
      if (isQuotedName(name)) {
        written[i] = name.substring(1, name.length() - 1);
      } else {
        written[i] = literal[i] && name.isEmpty() ? "''" : name;
      }
    }
    literal = literals(written);
    boolean[] allowTrim = new boolean[n];
    for (int i = 0; i < n; i++) {
      allowTrim[i] = !literal[i] || written[i].isEmpty();
    }
    writeRecord(written, n, allowTrim);
  }

  /** The names univocity's {@code NormalizedString.identifyLiterals} makes literal. */
  private static boolean[] literals(String[] names) {
    boolean[] literal = new boolean[names.length];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (isQuotedName(names[i])) {
        literal[i] = true;
        continue;
      }
      String key = names[i].trim().toLowerCase(Locale.ROOT);
      Integer j = seen.get(key);
      if (j != null && !names[j].equals(names[i])) {
        literal[i] = true;
        literal[j] = true;
      } else {
        seen.put(key, i);
      }
    }
    return literal;
  }

  private static boolean isQuotedName(String name) {
    String t = name.trim();
    return t.length() > 2 && t.charAt(0) == '\'' && t.charAt(t.length() - 1) == '\'';
  }

  private void writeRecord(String[] values, int n, boolean[] allowTrim) throws IOException {
    record.setLength(0);
    for (int i = 0; i < n; i++) {
      appendField(values[i], i, allowTrim == null || allowTrim[i]);
    }
    if (record.length() > 0) {
      plain.println(record);
      int len = record.length();
      if (scratch.length < len) {
        scratch = new char[Math.max(len, scratch.length * 2)];
      }
      // Through a reused array: Writer.append(CharSequence) would copy the record into a new String.
      record.getChars(0, len, scratch, 0);
      out.write(scratch, 0, len);
    }
  }

  private void appendField(String value, int column, boolean allowTrim) throws IOException {
    if (value == null) {
      printField(nullValue, true, column, allowTrim);
    } else if (value.isEmpty() || trimLeading && isBlank(value)) {
      printField(emptyValue, true, column, allowTrim);
    } else if (!printField(value, false, column, allowTrim)) {
      printField(emptyValue, true, column, allowTrim);
    }
  }

  /**
   * Prints one field: {@code s} is the value, or the nullValue/emptyValue standing for it ({@code substitute}).
   * Returns false, printing nothing, when a value (not a stand-in) leaves nothing to print after trimming: that is
   * the deviation in the class comment, and the caller prints emptyValue instead.
   */
  private boolean printField(String s, boolean substitute, int column, boolean allowTrim) throws IOException {
    int len = s.length();
    int start = allowTrim && trimLeading ? skipBlank(s) : 0;
    boolean forced = quoteAll
        || start < len && (s.charAt(start) == quote || column == 0 && s.charAt(0) == comment);
    if (forced && substitute && len >= 2 && s.charAt(0) == quote && s.charAt(len - 1) == quote) {
      print(plain, s, column);
      return true;
    }
    boolean quoteIt = forced || needsQuotes(s, start);
    boolean trim = allowTrim && trimTrailing;
    if (quoteIt && quoted == null) {
      if (!quotedToken(s, start, trim) && !substitute) {
        return false;
      }
      print(plain, token, column);
      return true;
    }
    String text = start == 0 ? s : s.substring(start);
    if (quoteIt && newLineAsLineSep && text.indexOf('\n') >= 0) {
      text = text.replace("\n", lineSep);
    }
    if (trim) {
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) <= ' ') {
        end--;
      }
      text = text.substring(0, end);
    }
    if (text.isEmpty() && !substitute) {
      return false;
    }
    print(quoteIt ? quoted : plain, text, column);
    return true;
  }

  /** Whether {@code s} from {@code start} contains the separator or a character that makes univocity quote. */
  private boolean needsQuotes(String s, int start) {
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == lineSep0 || c == lineSep1 || escapeQuotes && c == quote
          || c == delimiter0 && s.startsWith(delimiter, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Builds the quoted token for {@code s} from {@code start} in {@link #token} as univocity's
   * {@code appendQuoted} does, for the options commons-csv cannot escape with. Returns whether anything is left
   * between the quotes.
   */
  private boolean quotedToken(String s, int start, boolean trim) {
    token.setLength(0);
    token.append(quote);
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote) {
        appendChar(escape);
      } else if (c == escape && escapeEscape != '\u0000') {
        appendChar(escapeEscape);
      }
      appendChar(c);
    }
    // univocity trims the escaped text, and only when the value itself ends with whitespace.
    if (trim && (start == s.length() || s.charAt(s.length() - 1) <= ' ')) {
      while (token.length() > 1 && token.charAt(token.length() - 1) <= ' ') {
        token.setLength(token.length() - 1);
      }
    }
    boolean nonEmpty = token.length() > 1;
    token.append(quote);
    return nonEmpty;
  }

  private void appendChar(char c) {
    if (c == '\n' && newLineAsLineSep) {
      token.append(lineSep);
    } else {
      token.append(c);
    }
  }

  private void print(CSVFormat format, CharSequence text, int column) throws IOException {
    if (ownDelimiter) {
      if (column > 0) {
        record.append(delimiter);
      }
      format.print(text, record, true);
    } else {
      format.print(text, record, column == 0);
    }
  }

  private static int skipBlank(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) <= ' ') {
      i++;
    }
    return i;
  }

  private static boolean isBlank(String s) {
    return skipBlank(s) == s.length();
  }
}
