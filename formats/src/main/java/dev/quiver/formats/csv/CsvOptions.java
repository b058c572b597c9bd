package dev.quiver.formats.csv;

import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.QuiverException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Spark's CSV options, parsed once from the user's (case-insensitive) option map and validated, so that a bad
 * option fails when the read or write starts rather than deep inside a task. Immutable. Defaults are Spark's;
 * where Spark has different defaults for reading and writing (whitespace trimming, the empty value) both are
 * kept. Unknown options are ignored.
 */
final class CsvOptions {
  /** {@code yyyy-MM-dd}: Spark's date pattern for reading (strict) and writing. */
  static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  /** Spark 4's timestamp pattern for writing; prints as {@code 2024-01-15T10:30:00.000Z}. */
  static final String DEFAULT_TIMESTAMP_WRITE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]";
  static final String DEFAULT_TIMESTAMP_NTZ_WRITE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";

  private static final char NO_CHAR = '\u0000';

  // Tokenizing, shared by reading and writing.
  final String delimiter;
  /**
   * The quote character, {@code \0} for {@code quote=""}: then reading does not unquote, and writing quotes with
   * U+0000, as Spark documents.
   */
  final char quote;
  /** Escapes the quote inside quoted values, {@code \0} when off. */
  final char escape;
  /** Escapes the escape character inside quoted values ({@code charToEscapeQuoteEscaping}), {@code \0} when off. */
  final char escapeEscape;
  /** The comment character, {@code \0} when comments are off (the default). */
  final char comment;
  /** Null for the default, where CR, LF and CRLF all end a line. */
  final String lineSep;
  final Charset charset;
  final boolean header;
  final String nullValue;
  final ZoneId zone;
  /** The user's {@code dateFormat}, or null for Spark's default (strict yyyy-MM-dd, then the cast forms). */
  final String dateFormat;
  /** The user's {@code timestampFormat}, or null for Spark's default (the cast forms). */
  final String timestampFormat;
  final String timestampNtzFormat;
  /** {@code enableDateTimeParsingFallback}, or null when unset (then: fall back only without a user pattern). */
  final Boolean dateTimeParsingFallback;

  // Reading.
  final boolean inferSchema;
  final boolean preferDate;
  final boolean ignoreLeadingWhiteSpaceInRead;
  final boolean ignoreTrailingWhiteSpaceInRead;
  final String nanValue;
  final String positiveInf;
  final String negativeInf;
  final String emptyValueInRead;
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final boolean multiLine;
  final double samplingRatio;
  final boolean enforceSchema;
  final int maxColumns;

  // Writing.
  final boolean ignoreLeadingWhiteSpaceInWrite;
  final boolean ignoreTrailingWhiteSpaceInWrite;
  final String emptyValueInWrite;
  final boolean quoteAll;
  final boolean escapeQuotes;
  final boolean gzip;

  private CsvOptions(FormatOptions o) {
    delimiter = toDelimiter(o.getAny(",", "sep", "delimiter"));
    quote = getChar(o, "quote", '"');
    escape = getChar(o, "escape", '\\');
    String escapeEscapeOption = o.get("charToEscapeQuoteEscaping", null);
    if (escapeEscapeOption == null || escapeEscapeOption.isEmpty()) {
      // univocity's default: the escape character escapes itself unless it is the quote character.
      escapeEscape = escape == quote ? NO_CHAR : escape;
    } else {
      escapeEscape = getChar(o, "charToEscapeQuoteEscaping", NO_CHAR);
    }
    String commentOption = o.get("comment", null);
    comment = commentOption != null && commentOption.length() == 1 ? commentOption.charAt(0) : NO_CHAR;
    if (commentOption != null && commentOption.length() > 1) {
      throw oneCharError("comment", commentOption);
    }
    lineSep = lineSeparator(o.get("lineSep", null));
    charset = charset(o.getAny(StandardCharsets.UTF_8.name(), "encoding", "charset"));
    header = o.getBoolean("header", false);
    nullValue = o.get("nullValue", "");
    zone = zone(o.get("timeZone", null));
    dateFormat = o.get("dateFormat", null);
    timestampFormat = o.get("timestampFormat", null);
    timestampNtzFormat = o.get("timestampNTZFormat", null);
    dateTimeParsingFallback = o.contains("enableDateTimeParsingFallback")
        ? o.getBoolean("enableDateTimeParsingFallback", false) : null;

    inferSchema = o.getBoolean("inferSchema", false);
    preferDate = o.getBoolean("preferDate", true);
    ignoreLeadingWhiteSpaceInRead = o.getBoolean("ignoreLeadingWhiteSpace", false);
    ignoreTrailingWhiteSpaceInRead = o.getBoolean("ignoreTrailingWhiteSpace", false);
    nanValue = o.get("nanValue", "NaN");
    positiveInf = o.get("positiveInf", "Inf");
    negativeInf = o.get("negativeInf", "-Inf");
    String emptyValue = o.get("emptyValue", null);
    emptyValueInRead = emptyValue == null ? "" : emptyValue;
    mode = ParseMode.parse(o.get("mode", null));
    columnNameOfCorruptRecord = o.get("columnNameOfCorruptRecord", "_corrupt_record");
    multiLine = o.getBoolean("multiLine", false);
    samplingRatio = samplingRatio(o.get("samplingRatio", null));
    enforceSchema = o.getBoolean("enforceSchema", true);
    maxColumns = (int) Math.min(Integer.MAX_VALUE, Math.max(1, o.getLong("maxColumns", 20480)));

    ignoreLeadingWhiteSpaceInWrite = o.getBoolean("ignoreLeadingWhiteSpace", true);
    ignoreTrailingWhiteSpaceInWrite = o.getBoolean("ignoreTrailingWhiteSpace", true);
    // Spark writes an empty string as "" so that it reads back as an empty string, not as null.
    emptyValueInWrite = emptyValue == null ? "\"\"" : emptyValue;
    quoteAll = o.getBoolean("quoteAll", false);
    escapeQuotes = o.getBoolean("escapeQuotes", true);
    gzip = compression(o.getAny(null, "compression", "codec"));
  }

  static CsvOptions parse(FormatOptions options) {
    return new CsvOptions(options == null ? FormatOptions.empty() : options);
  }

  boolean commentSet() {
    return comment != NO_CHAR;
  }

  boolean quoting() {
    return quote != NO_CHAR;
  }

  /** Whether a date that does not match the pattern may still be read in one of the cast forms. */
  boolean dateFallback() {
    return dateTimeParsingFallback != null ? dateTimeParsingFallback : dateFormat == null;
  }

  boolean timestampFallback() {
    return dateTimeParsingFallback != null ? dateTimeParsingFallback : timestampFormat == null;
  }

  /**
   * Spark's {@code sep} syntax: each character stands for itself, except a backslash, which starts a
   * two-character escape ({@code \t}, {@code \\}, ...). So {@code "\t"} typed literally is a tab and
   * {@code "||"} a two-character separator.
   */
  static String toDelimiter(String sep) {
    if (sep == null || sep.isEmpty()) {
      throw new QuiverException("The option 'sep' (delimiter) cannot be an empty string: give the character "
          + "that separates the fields, e.g. ',' or ';' or '\\t'.");
    }
    if (sep.equals("\\u0000")) {
      return "\u0000";
    }
    StringBuilder out = new StringBuilder(sep.length());
    int i = 0;
    while (i < sep.length()) {
      char c = sep.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= sep.length()) {
        throw new QuiverException("The option 'sep' ends with a single backslash, which starts an escape "
            + "sequence; to separate fields by a backslash, write two backslashes.");
      }
      char e = sep.charAt(i + 1);
      switch (e) {
        case 't':
          out.append('\t');
          break;
        case 'r':
          out.append('\r');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case '"':
        case '\'':
        case '\\':
          out.append(e);
          break;
        default:
          throw new QuiverException("Unsupported special character for delimiter: \\" + e
              + " (option 'sep'). Supported escapes are \\t, \\r, \\b, \\f, \\\", \\' and \\\\.");
      }
      i += 2;
    }
    return out.toString();
  }

  private static char getChar(FormatOptions o, String name, char defaultValue) {
    String v = o.get(name, null);
    if (v == null) {
      return defaultValue;
    }
    if (v.isEmpty()) {
      return NO_CHAR;
    }
    if (v.length() == 1) {
      return v.charAt(0);
    }
    throw oneCharError(name, v);
  }

  private static QuiverException oneCharError(String name, String value) {
    return new QuiverException("The option '" + name + "' must be a single character (or empty to turn it off), "
        + "but was '" + value + "'.");
  }

  private static String lineSeparator(String sep) {
    if (sep == null) {
      return null;
    }
    if (sep.isEmpty()) {
      throw new QuiverException("The option 'lineSep' cannot be an empty string; omit it to accept CR, LF "
          + "and CRLF line ends.");
    }
    if (sep.length() > 2) {
      throw new QuiverException("The option 'lineSep' can contain only 1 character (or CRLF), but was '"
          + sep + "'.");
    }
    return sep;
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new QuiverException("The charset '" + name + "' (option 'encoding') is not supported by this JVM; "
          + "use a standard name such as UTF-8, ISO-8859-1 or UTF-16.", e);
    }
  }

  private static ZoneId zone(String id) {
    if (id == null) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(id.trim(), ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new QuiverException("The option 'timeZone' names an unknown time zone '" + id
          + "'; use a region id such as 'America/Los_Angeles' or an offset such as '+01:00'.", e);
    }
  }

  private static double samplingRatio(String v) {
    if (v == null) {
      return 1.0;
    }
    double ratio;
    try {
      ratio = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new QuiverException("The option 'samplingRatio' must be a number in (0, 1], but was '" + v + "'.", e);
    }
    if (!(ratio > 0)) {
      throw new QuiverException("The option 'samplingRatio' (" + v + ") should be greater than 0.");
    }
    return ratio;
  }

  private static boolean compression(String codec) {
    if (codec == null) {
      return false;
    }
    switch (codec.trim().toLowerCase(Locale.ROOT)) {
      case "none":
      case "uncompressed":
        return false;
      case "gzip":
        return true;
      default:
        throw new QuiverException("The CSV compression codec '" + codec + "' is not supported; use 'none' or "
            + "'gzip'.");
    }
  }
}
