package dev.quiver.sql;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.sql.internal.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spark's {@code functions}: column constructors, aggregates, and scalar functions, with Spark's names,
 * argument orders, default arguments and generated column names.
 */
@SuppressWarnings({"checkstyle:MethodName", "checkstyle:TypeName"})
public final class functions {
  private functions() {}

  private static Column fn(String name, Object... args) {
    List<Expression> exprs = new ArrayList<>();
    for (Object a : args) {
      exprs.add(Column.exprOf(a));
    }
    return new Column(new ScalarFunction(name, exprs));
  }

  /** A call of a function over any number of columns (none may be a null Column). */
  private static Column fnOver(String name, Column... cols) {
    return new Column(new ScalarFunction(name, List.of(exprs(cols))));
  }

  private static Column agg(AggregateFunction f, Column c, boolean distinct) {
    return new Column(new AggregateCall(f, List.of(nonNull(c, f.name().toLowerCase(java.util.Locale.ROOT)).expr()),
        distinct, false));
  }

  /** A clear error instead of a NullPointerException when a function is given a null Column. */
  private static Column nonNull(Column c, String function) {
    if (c == null) {
      throw new QuiverException(function + "() needs a Column, but got null; use lit(null) for a NULL value.");
    }
    return c;
  }

  private static Column[] cols(String first, String... rest) {
    Column[] out = new Column[rest.length + 1];
    out[0] = col(first);
    for (int i = 0; i < rest.length; i++) {
      out[i + 1] = col(rest[i]);
    }
    return out;
  }

  private static Expression[] exprs(Column... cols) {
    Expression[] out = new Expression[cols.length];
    for (int i = 0; i < cols.length; i++) {
      if (cols[i] == null) {
        throw new QuiverException("Argument " + (i + 1) + " of the function is a null Column; use lit(null) for a "
            + "NULL value.");
      }
      out[i] = cols[i].expr();
    }
    return out;
  }

  // ------------------------------------------------------------------ columns and literals

  /** A column by name; {@code "*"} and {@code "t.*"} select all columns (of t). Dots separate struct fields. */
  public static Column col(String colName) {
    if (colName == null) {
      throw new QuiverException("col() needs a column name, but got null.");
    }
    if (colName.equals("*")) {
      return new Column(new UnresolvedStar(List.of(), 0));
    }
    if (colName.endsWith(".*")) {
      List<String> parts = UnresolvedAttribute.parseNameParts(colName.substring(0, colName.length() - 2));
      return new Column(new UnresolvedStar(parts, 0));
    }
    return new Column(UnresolvedAttribute.quoted(colName));
  }

  public static Column column(String colName) {
    return col(colName);
  }

  /** A literal; a Column is returned as it is. */
  public static Column lit(Object literal) {
    if (literal instanceof Column c) {
      return c;
    }
    return new Column(Literals.of(literal));
  }

  /** Parses a SQL expression: {@code expr("age + 1 AS next")}. */
  public static Column expr(String expr) {
    java.time.ZoneId zone = Session.getActiveSession()
        .map(s -> dev.quiver.driver.Sessions.zone(s.backend().conf())).orElse(java.time.ZoneId.systemDefault());
    return new Column(dev.quiver.planner.parser.SqlParser.parseExpression(expr, zone));
  }

  public static Column typedLit(Object literal) {
    return lit(literal);
  }

  /** Calls a built-in function by name (Spark's call_function). */
  public static Column call_function(String funcName, Column... cols) {
    return new Column(new UnresolvedFunction(funcName, List.of(exprs(cols)), false));
  }

  public static Column callUDF(String funcName, Column... cols) {
    return call_function(funcName, cols);
  }

  /** Spark's broadcast hint. Quiver picks broadcast joins by estimated size; the DataFrame is returned as is. */
  public static DataFrame broadcast(DataFrame df) {
    return df;
  }

  // ------------------------------------------------------------------ sort orders

  public static Column asc(String columnName) {
    return col(columnName).asc();
  }

  public static Column asc_nulls_first(String columnName) {
    return col(columnName).asc_nulls_first();
  }

  public static Column asc_nulls_last(String columnName) {
    return col(columnName).asc_nulls_last();
  }

  public static Column desc(String columnName) {
    return col(columnName).desc();
  }

  public static Column desc_nulls_first(String columnName) {
    return col(columnName).desc_nulls_first();
  }

  public static Column desc_nulls_last(String columnName) {
    return col(columnName).desc_nulls_last();
  }

  // ------------------------------------------------------------------ aggregates

  /** {@code count(col)}; {@code count("*")} and {@code count(col("*"))} count rows and are named {@code count(1)}. */
  public static Column count(Column e) {
    if (e.expr() instanceof UnresolvedStar s && s.target().isEmpty()) {
      return new Column(new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), false, false));
    }
    return agg(AggregateFunction.COUNT, e, false);
  }

  public static Column count(String columnName) {
    return count(col(columnName));
  }

  public static Column countDistinct(Column expr, Column... exprs) {
    List<Expression> all = new ArrayList<>();
    all.add(expr.expr());
    for (Column c : exprs) {
      all.add(c.expr());
    }
    return new Column(new AggregateCall(AggregateFunction.COUNT, all, true, false));
  }

  public static Column countDistinct(String columnName, String... columnNames) {
    Column[] c = cols(columnName, columnNames);
    return countDistinct(c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
  }

  public static Column count_distinct(Column expr, Column... exprs) {
    return countDistinct(expr, exprs);
  }

  public static Column sum(Column e) {
    return agg(AggregateFunction.SUM, e, false);
  }

  public static Column sum(String columnName) {
    return sum(col(columnName));
  }

  public static Column sumDistinct(Column e) {
    return agg(AggregateFunction.SUM, e, true);
  }

  public static Column sum_distinct(Column e) {
    return sumDistinct(e);
  }

  public static Column avg(Column e) {
    return agg(AggregateFunction.AVG, e, false);
  }

  public static Column avg(String columnName) {
    return avg(col(columnName));
  }

  public static Column mean(Column e) {
    return avg(e);
  }

  public static Column mean(String columnName) {
    return avg(columnName);
  }

  public static Column min(Column e) {
    return agg(AggregateFunction.MIN, e, false);
  }

  public static Column min(String columnName) {
    return min(col(columnName));
  }

  public static Column max(Column e) {
    return agg(AggregateFunction.MAX, e, false);
  }

  public static Column max(String columnName) {
    return max(col(columnName));
  }

  public static Column first(Column e, boolean ignoreNulls) {
    return new Column(new AggregateCall(AggregateFunction.FIRST, List.of(e.expr()), false, ignoreNulls));
  }

  public static Column first(Column e) {
    return first(e, false);
  }

  public static Column first(String columnName) {
    return first(col(columnName));
  }

  public static Column first(String columnName, boolean ignoreNulls) {
    return first(col(columnName), ignoreNulls);
  }

  public static Column last(Column e, boolean ignoreNulls) {
    return new Column(new AggregateCall(AggregateFunction.LAST, List.of(e.expr()), false, ignoreNulls));
  }

  public static Column last(Column e) {
    return last(e, false);
  }

  public static Column last(String columnName) {
    return last(col(columnName));
  }

  public static Column last(String columnName, boolean ignoreNulls) {
    return last(col(columnName), ignoreNulls);
  }

  public static Column stddev(Column e) {
    return agg(AggregateFunction.STDDEV_SAMP, e, false);
  }

  public static Column stddev(String columnName) {
    return stddev(col(columnName));
  }

  public static Column stddev_samp(Column e) {
    return stddev(e);
  }

  public static Column variance(Column e) {
    return agg(AggregateFunction.VAR_SAMP, e, false);
  }

  public static Column variance(String columnName) {
    return variance(col(columnName));
  }

  public static Column var_samp(Column e) {
    return variance(e);
  }

  // ------------------------------------------------------------------ conditionals and nulls

  public static Column when(Column condition, Object value) {
    return new Column(new CaseWhen(List.of(new CaseWhen.Branch(condition.expr(), Column.exprOf(value))),
        Optional.empty()));
  }

  public static Column coalesce(Column... e) {
    return fn("coalesce", (Object[]) e);
  }

  public static Column nvl(Column col1, Column col2) {
    return fn("nvl", col1, col2);
  }

  public static Column ifnull(Column col1, Column col2) {
    return nvl(col1, col2);
  }

  public static Column nullif(Column col1, Column col2) {
    return fn("nullif", col1, col2);
  }

  public static Column nanvl(Column col1, Column col2) {
    return fn("nanvl", col1, col2);
  }

  public static Column isnull(Column e) {
    return new Column(new IsNull(e.expr()));
  }

  public static Column isnotnull(Column e) {
    return new Column(new IsNotNull(e.expr()));
  }

  public static Column not(Column e) {
    return new Column(new Not(e.expr()));
  }

  public static Column negate(Column e) {
    return new Column(new UnaryMinus(e.expr()));
  }

  public static Column negative(Column e) {
    return negate(e);
  }

  public static Column greatest(Column... exprs) {
    return fn("greatest", (Object[]) exprs);
  }

  public static Column greatest(String columnName, String... columnNames) {
    return greatest(cols(columnName, columnNames));
  }

  public static Column least(Column... exprs) {
    return fn("least", (Object[]) exprs);
  }

  public static Column least(String columnName, String... columnNames) {
    return least(cols(columnName, columnNames));
  }

  // ------------------------------------------------------------------ one-argument functions

  public static Column upper(Column e) {
    return fn("upper", e);
  }

  public static Column upper(String columnName) {
    return upper(col(columnName));
  }

  public static Column lower(Column e) {
    return fn("lower", e);
  }

  public static Column lower(String columnName) {
    return lower(col(columnName));
  }

  public static Column initcap(Column e) {
    return fn("initcap", e);
  }

  public static Column trim(Column e) {
    return fn("trim", e);
  }

  public static Column ltrim(Column e) {
    return fn("ltrim", e);
  }

  public static Column rtrim(Column e) {
    return fn("rtrim", e);
  }

  public static Column reverse(Column e) {
    return fn("reverse", e);
  }

  public static Column length(Column e) {
    return fn("length", e);
  }

  public static Column length(String columnName) {
    return length(col(columnName));
  }

  public static Column size(Column e) {
    return fn("size", e);
  }

  public static Column abs(Column e) {
    return fn("abs", e);
  }

  public static Column abs(String columnName) {
    return abs(col(columnName));
  }

  public static Column sqrt(Column e) {
    return fn("sqrt", e);
  }

  public static Column sqrt(String columnName) {
    return sqrt(col(columnName));
  }

  public static Column cbrt(Column e) {
    return fn("cbrt", e);
  }

  public static Column cbrt(String columnName) {
    return cbrt(col(columnName));
  }

  public static Column exp(Column e) {
    return fn("exp", e);
  }

  public static Column exp(String columnName) {
    return exp(col(columnName));
  }

  public static Column log10(Column e) {
    return fn("log10", e);
  }

  public static Column log10(String columnName) {
    return log10(col(columnName));
  }

  public static Column log2(Column e) {
    return fn("log2", e);
  }

  public static Column log2(String columnName) {
    return log2(col(columnName));
  }

  public static Column signum(Column e) {
    return fn("signum", e);
  }

  public static Column signum(String columnName) {
    return signum(col(columnName));
  }

  public static Column year(Column e) {
    return fn("year", e);
  }

  public static Column year(String columnName) {
    return year(col(columnName));
  }

  public static Column quarter(Column e) {
    return fn("quarter", e);
  }

  public static Column month(Column e) {
    return fn("month", e);
  }

  public static Column month(String columnName) {
    return month(col(columnName));
  }

  public static Column dayofmonth(Column e) {
    return fn("dayofmonth", e);
  }

  public static Column dayofmonth(String columnName) {
    return dayofmonth(col(columnName));
  }

  public static Column dayofweek(Column e) {
    return fn("dayofweek", e);
  }

  public static Column dayofyear(Column e) {
    return fn("dayofyear", e);
  }

  public static Column weekofyear(Column e) {
    return fn("weekofyear", e);
  }

  public static Column hour(Column e) {
    return fn("hour", e);
  }

  public static Column minute(Column e) {
    return fn("minute", e);
  }

  public static Column second(Column e) {
    return fn("second", e);
  }

  public static Column last_day(Column e) {
    return fn("last_day", e);
  }

  public static Column typeof(Column e) {
    return fn("typeof", e);
  }

  public static Column isnan(Column e) {
    return fn("isnan", e);
  }

  public static Column floor(Column e) {
    return fn("floor", e);
  }

  public static Column floor(String columnName) {
    return floor(col(columnName));
  }

  public static Column ceil(Column e) {
    return fn("ceil", e);
  }

  public static Column ceil(String columnName) {
    return ceil(col(columnName));
  }

  public static Column ceiling(Column e) {
    return ceil(e);
  }

  /** The natural logarithm; null for values <= 0. */
  public static Column log(Column e) {
    return fn("ln", e);
  }

  public static Column log(String columnName) {
    return log(col(columnName));
  }

  public static Column ln(Column e) {
    return log(e);
  }

  /** The logarithm of {@code a} in base {@code base}. */
  public static Column log(double base, Column a) {
    return log(a).divide(fn("ln", lit(base)));
  }

  public static Column pow(Column l, Column r) {
    return fn("pow", l, r);
  }

  public static Column pow(Column l, double r) {
    return pow(l, lit(r));
  }

  public static Column pow(String l, String r) {
    return pow(col(l), col(r));
  }

  public static Column pow(Column l, String r) {
    return pow(l, col(r));
  }

  public static Column pow(String l, Column r) {
    return pow(col(l), r);
  }

  public static Column pow(double l, Column r) {
    return pow(lit(l), r);
  }

  public static Column power(Column l, Column r) {
    return pow(l, r);
  }

  public static Column round(Column e) {
    return round(e, 0);
  }

  public static Column round(Column e, int scale) {
    return fn("round", e, lit(scale));
  }

  public static Column bround(Column e) {
    return bround(e, 0);
  }

  public static Column bround(Column e, int scale) {
    return fn("bround", e, lit(scale));
  }

  // ------------------------------------------------------------------ strings

  public static Column concat(Column... exprs) {
    return fn("concat", (Object[]) exprs);
  }

  public static Column concat_ws(String sep, Column... exprs) {
    Object[] args = new Object[exprs.length + 1];
    args[0] = lit(sep);
    System.arraycopy(exprs, 0, args, 1, exprs.length);
    return fn("concat_ws", args);
  }

  public static Column substring(Column str, int pos, int len) {
    return fn("substring", str, lit(pos), lit(len));
  }

  public static Column substr(Column str, Column pos, Column len) {
    return fn("substring", str, pos, len);
  }

  public static Column substr(Column str, Column pos) {
    return fn("substring", str, pos, lit(Integer.MAX_VALUE));
  }

  public static Column regexp_replace(Column e, String pattern, String replacement) {
    return fn("regexp_replace", e, lit(pattern), lit(replacement), lit(1));
  }

  public static Column regexp_replace(Column e, Column pattern, Column replacement) {
    return fn("regexp_replace", e, pattern, replacement, lit(1));
  }

  public static Column regexp_extract(Column e, String exp, int groupIdx) {
    return fn("regexp_extract", e, lit(exp), lit(groupIdx));
  }

  public static Column split(Column str, String pattern) {
    return split(str, pattern, -1);
  }

  public static Column split(Column str, String pattern, int limit) {
    return fn("split", str, lit(pattern), lit(limit));
  }

  public static Column lpad(Column str, int len, String pad) {
    return fn("lpad", str, lit(len), lit(pad));
  }

  public static Column rpad(Column str, int len, String pad) {
    return fn("rpad", str, lit(len), lit(pad));
  }

  public static Column instr(Column str, String substring) {
    return fn("instr", str, lit(substring));
  }

  public static Column locate(String substr, Column str) {
    return locate(substr, str, 1);
  }

  public static Column locate(String substr, Column str, int pos) {
    return fn("locate", lit(substr), str, lit(pos));
  }

  public static Column repeat(Column str, int n) {
    return fn("repeat", str, lit(n));
  }

  public static Column startswith(Column str, Column prefix) {
    return fn("startswith", str, prefix);
  }

  public static Column endswith(Column str, Column suffix) {
    return fn("endswith", str, suffix);
  }

  public static Column contains(Column left, Column right) {
    return fn("contains", left, right);
  }

  // ------------------------------------------------------------------ dates and times

  public static Column to_date(Column e) {
    return fn("to_date", e);
  }

  public static Column to_date(Column e, String fmt) {
    return fn("to_date_format", e, lit(fmt));
  }

  public static Column to_timestamp(Column s) {
    return fn("to_timestamp", s);
  }

  public static Column to_timestamp(Column s, String fmt) {
    return fn("to_timestamp_format", s, lit(fmt));
  }

  public static Column date_format(Column dateExpr, String format) {
    return fn("date_format", dateExpr, lit(format));
  }

  public static Column date_add(Column start, int days) {
    return fn("date_add", start, lit(days));
  }

  public static Column date_add(Column start, Column days) {
    return fn("date_add", start, days);
  }

  public static Column date_sub(Column start, int days) {
    return fn("date_sub", start, lit(days));
  }

  public static Column date_sub(Column start, Column days) {
    return fn("date_sub", start, days);
  }

  public static Column datediff(Column end, Column start) {
    return fn("datediff", end, start);
  }

  public static Column add_months(Column startDate, int numMonths) {
    return fn("add_months", startDate, lit(numMonths));
  }

  public static Column add_months(Column startDate, Column numMonths) {
    return fn("add_months", startDate, numMonths);
  }

  public static Column months_between(Column end, Column start) {
    return fn("months_between", end, start);
  }

  public static Column current_date() {
    return fn("current_date");
  }

  public static Column current_timestamp() {
    return fn("current_timestamp");
  }

  // ------------------------------------------------------------------ collections

  public static Column array_contains(Column column, Object value) {
    return fn("array_contains", column, value);
  }

  /** The element at a 1-based index of an array (negative counts from the end), or a map's value for a key. */
  public static Column element_at(Column column, Object value) {
    return fn("element_at", column, value);
  }

  /** element_at, but null for an index past either end of the array. */
  public static Column try_element_at(Column column, Column value) {
    return fn("try_element_at", column, value);
  }

  public static Column sort_array(Column e) {
    return sort_array(e, true);
  }

  /** The array sorted; nulls first when ascending, last when descending. */
  public static Column sort_array(Column e, boolean asc) {
    return fn("sort_array", e, lit(asc));
  }

  public static Column array(Column... cols) {
    return fnOver("array", cols);
  }

  public static Column array(String colName, String... colNames) {
    return array(cols(colName, colNames));
  }

  public static Column array_size(Column e) {
    return fn("array_size", e);
  }

  /** struct(a, b): fields are named after named columns, others {@code col<n>} (resolved by the analyzer). */
  public static Column struct(Column... cols) {
    return call_function("struct", cols);
  }

  public static Column struct(String colName, String... colNames) {
    return struct(cols(colName, colNames));
  }

  /** named_struct(name1, value1, name2, value2, ...): the names must be string literals. */
  public static Column named_struct(Column... cols) {
    return fnOver("named_struct", cols);
  }

  // ------------------------------------------------------------------ null instead of ANSI errors

  /** left + right, null where the sum overflows. */
  public static Column try_add(Column left, Column right) {
    return fn("try_add", left, right);
  }

  public static Column try_subtract(Column left, Column right) {
    return fn("try_subtract", left, right);
  }

  public static Column try_multiply(Column left, Column right) {
    return fn("try_multiply", left, right);
  }

  /** dividend / divisor, always a floating-point (or decimal) division, null when the divisor is 0. */
  public static Column try_divide(Column dividend, Column divisor) {
    return fn("try_divide", dividend, divisor);
  }

  /** The remainder of dividend / divisor, null when the divisor is 0. */
  public static Column try_mod(Column dividend, Column divisor) {
    return fn("try_mod", dividend, divisor);
  }

  // ------------------------------------------------------------------ hashes and encodings

  public static Column md5(Column e) {
    return fn("md5", e);
  }

  public static Column sha1(Column e) {
    return fn("sha1", e);
  }

  /** SHA-224/256/384/512 as hex text; numBits 0 means 256, as in Spark. */
  public static Column sha2(Column e, int numBits) {
    if (numBits != 0 && numBits != 224 && numBits != 256 && numBits != 384 && numBits != 512) {
      throw new IllegalArgumentException("requirement failed: numBits " + numBits
          + " is not in the permitted values (0, 224, 256, 384, 512)");
    }
    return fn("sha2", e, lit(numBits));
  }

  public static Column crc32(Column e) {
    return fn("crc32", e);
  }

  /** Spark's Murmur3 hash (seed 42) of the columns, as an int. */
  public static Column hash(Column... cols) {
    return fnOver("hash", cols);
  }

  /** Spark's XXH64 hash (seed 42) of the columns, as a bigint. */
  public static Column xxhash64(Column... cols) {
    return fnOver("xxhash64", cols);
  }

  public static Column base64(Column e) {
    return fn("base64", e);
  }

  public static Column unbase64(Column e) {
    return fn("unbase64", e);
  }

  public static Column hex(Column column) {
    return fn("hex", column);
  }

  public static Column unhex(Column column) {
    return fn("unhex", column);
  }

  public static Column ascii(Column e) {
    return fn("ascii", e);
  }

  // ------------------------------------------------------------------ more strings

  /** x rounded HALF_EVEN to d decimal places, with grouping separators ({@code 1,234.57}); null for d < 0. */
  public static Column format_number(Column x, int d) {
    return fn("format_number", x, lit(d));
  }

  /** printf-style formatting: {@code format_string("%d items", col("n"))}. */
  public static Column format_string(String format, Column... arguments) {
    return fnOver("format_string", formatArgs(lit(format), arguments));
  }

  public static Column printf(Column format, Column... arguments) {
    return fnOver("printf", formatArgs(format, arguments));
  }

  private static Column[] formatArgs(Column format, Column... arguments) {
    Column[] all = new Column[arguments.length + 1];
    all[0] = format;
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return all;
  }

  /** The part of str before the count-th delim (counting from the right for a negative count). */
  public static Column substring_index(Column str, String delim, int count) {
    return fn("substring_index", str, lit(delim), lit(count));
  }

  public static Column translate(Column src, String matchingString, String replaceString) {
    return fn("translate", src, lit(matchingString), lit(replaceString));
  }

  /** Removes the characters of trimString from both ends. */
  public static Column trim(Column e, String trimString) {
    return fn("trim_chars", e, lit(trimString));
  }

  public static Column ltrim(Column e, String trimString) {
    return fn("ltrim_chars", e, lit(trimString));
  }

  public static Column rtrim(Column e, String trimString) {
    return fn("rtrim_chars", e, lit(trimString));
  }

  public static Column btrim(Column str) {
    return fn("btrim", str);
  }

  public static Column btrim(Column str, Column trim) {
    return fn("btrim", str, trim);
  }

  public static Column left(Column str, Column len) {
    return fn("left", str, len);
  }

  public static Column right(Column str, Column len) {
    return fn("right", str, len);
  }

  public static Column levenshtein(Column l, Column r) {
    return fn("levenshtein", l, r);
  }

  /** The edit distance, or -1 when it is greater than threshold. */
  public static Column levenshtein(Column l, Column r, int threshold) {
    return fn("levenshtein", l, r, lit(threshold));
  }

  // ------------------------------------------------------------------ more dates and times

  /** Spark's default pattern of unix_timestamp and from_unixtime. */
  private static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";

  /** Seconds since the epoch now (at the start of the query). */
  public static Column unix_timestamp() {
    return unix_timestamp(current_timestamp());
  }

  /** Seconds since the epoch of a timestamp, date, or text in the yyyy-MM-dd HH:mm:ss pattern. */
  public static Column unix_timestamp(Column s) {
    return unix_timestamp(s, DEFAULT_TIMESTAMP_FORMAT);
  }

  public static Column unix_timestamp(Column s, String p) {
    return fn("unix_timestamp", s, lit(p));
  }

  public static Column to_unix_timestamp(Column timeExp) {
    return to_unix_timestamp(timeExp, lit(DEFAULT_TIMESTAMP_FORMAT));
  }

  public static Column to_unix_timestamp(Column timeExp, Column format) {
    return fn("to_unix_timestamp", timeExp, format);
  }

  /** Seconds since the epoch as text in the session time zone, in the yyyy-MM-dd HH:mm:ss pattern. */
  public static Column from_unixtime(Column ut) {
    return from_unixtime(ut, DEFAULT_TIMESTAMP_FORMAT);
  }

  public static Column from_unixtime(Column ut, String f) {
    return fn("from_unixtime", ut, lit(f));
  }

  /** The timestamp cut to the unit: year, quarter, month, week, day, hour, minute, second, millisecond... */
  public static Column date_trunc(String format, Column timestamp) {
    return fn("date_trunc", lit(format), timestamp);
  }

  /** The date cut to the unit: year, quarter, month or week. */
  public static Column trunc(Column date, String format) {
    return fn("trunc", date, lit(format));
  }

  public static Column next_day(Column date, String dayOfWeek) {
    return next_day(date, lit(dayOfWeek));
  }

  public static Column next_day(Column date, Column dayOfWeek) {
    return fn("next_day", date, dayOfWeek);
  }

  public static Column from_utc_timestamp(Column ts, String tz) {
    return from_utc_timestamp(ts, lit(tz));
  }

  public static Column from_utc_timestamp(Column ts, Column tz) {
    return fn("from_utc_timestamp", ts, tz);
  }

  public static Column to_utc_timestamp(Column ts, String tz) {
    return to_utc_timestamp(ts, lit(tz));
  }

  public static Column to_utc_timestamp(Column ts, Column tz) {
    return fn("to_utc_timestamp", ts, tz);
  }

  public static Column make_date(Column year, Column month, Column day) {
    return fn("make_date", year, month, day);
  }

  public static Column dayname(Column timeExp) {
    return fn("dayname", timeExp);
  }

  public static Column monthname(Column timeExp) {
    return fn("monthname", timeExp);
  }

  // ------------------------------------------------------------------ nondeterministic

  /** Increasing ids: the partition index in the upper 31 bits, the row's position in its partition below. */
  public static Column monotonically_increasing_id() {
    return fn("monotonically_increasing_id");
  }

  public static Column spark_partition_id() {
    return fn("spark_partition_id");
  }

  /** Uniform values in [0, 1), as Spark's: the same seed and partitioning give the same values. */
  public static Column rand(long seed) {
    return fn("rand", lit(seed));
  }

  public static Column rand() {
    return rand(RANDOM_SEEDS.nextLong());
  }

  /** Standard normal values, as Spark's for the same seed and partitioning. */
  public static Column randn(long seed) {
    return fn("randn", lit(seed));
  }

  public static Column randn() {
    return randn(RANDOM_SEEDS.nextLong());
  }

  private static final java.util.Random RANDOM_SEEDS = new java.util.Random();

  // ------------------------------------------------------------------ window functions

  public static Column row_number() {
    return fn("row_number");
  }

  public static Column rank() {
    return fn("rank");
  }

  public static Column dense_rank() {
    return fn("dense_rank");
  }

  public static Column percent_rank() {
    return fn("percent_rank");
  }

  public static Column ntile(int n) {
    return fn("ntile", lit(n));
  }
}
