package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The analyzer's errors, worded as Spark 4 words them, naming the column and the nearest alternatives. */
public final class AnalysisErrors {
  private AnalysisErrors() {}

  /** {@code `a`.`b`}: Spark's quoting of identifiers in messages. */
  public static String quoteId(List<String> parts) {
    List<String> q = new ArrayList<>();
    for (String p : parts) {
      q.add("`" + p.replace("`", "``") + "`");
    }
    return String.join(".", q);
  }

  public static String quoteId(String name) {
    return quoteId(List.of(name));
  }

  public static AnalysisException unresolvedColumn(List<String> nameParts, List<AttributeReference> candidates) {
    String name = quoteId(nameParts);
    if (candidates.isEmpty()) {
      return new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
          "A column, variable, or function parameter with name " + name + " cannot be resolved.", "42703");
    }
    List<String> suggestions = suggest(String.join(".", nameParts), candidates);
    return new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "A column, variable, or function parameter with name " + name
            + " cannot be resolved. Did you mean one of the following? [" + String.join(", ", suggestions) + "].",
        "42703");
  }

  /** Candidate names, nearest first by edit distance (Spark lists at most five). */
  static List<String> suggest(String wanted, List<AttributeReference> candidates) {
    Set<String> names = new LinkedHashSet<>();
    for (AttributeReference a : candidates) {
      List<String> parts = new ArrayList<>(a.qualifier());
      parts.add(a.name());
      names.add(quoteId(parts));
    }
    String w = wanted.toLowerCase(Locale.ROOT);
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt(
        (String n) -> levenshtein(w, n.replace("`", "").toLowerCase(Locale.ROOT))).thenComparing(n -> n));
    return sorted.subList(0, Math.min(5, sorted.size()));
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  public static AnalysisException ambiguousReference(List<String> nameParts, List<AttributeReference> matches) {
    List<String> names = new ArrayList<>();
    for (AttributeReference a : matches) {
      List<String> parts = new ArrayList<>(a.qualifier());
      parts.add(a.name());
      names.add(quoteId(parts));
    }
    return new AnalysisException("AMBIGUOUS_REFERENCE", "Reference " + quoteId(nameParts)
        + " is ambiguous, could be: [" + String.join(", ", names) + "]. Give the inputs distinct names with "
        + "alias() or withColumnRenamed(), or refer to the column through its DataFrame: df.col(\"name\").",
        "42704");
  }

  public static AnalysisException dataTypeMismatch(String subclass, Expression e, String detail) {
    return new AnalysisException("DATATYPE_MISMATCH." + subclass,
        "Cannot resolve \"" + ExpressionPrinter.sql(e) + "\" due to data type mismatch: " + detail, "42K09");
  }

  public static AnalysisException binaryOpDiffTypes(Expression e, DataType l, DataType r) {
    return dataTypeMismatch("BINARY_OP_DIFF_TYPES", e, "the left and right operands of the binary operator have "
        + "incompatible types (\"" + l.sql() + "\" and \"" + r.sql() + "\").");
  }

  public static AnalysisException unexpectedInputType(Expression e, int paramIndex, String required,
      Expression arg) {
    return dataTypeMismatch("UNEXPECTED_INPUT_TYPE", e, "The " + ordinal(paramIndex) + " parameter requires the "
        + required + " type, however \"" + ExpressionPrinter.sql(arg) + "\" has the type \""
        + arg.dataType().sql() + "\".");
  }

  static String ordinal(int n) {
    switch (n) {
      case 1:
        return "first";
      case 2:
        return "second";
      case 3:
        return "third";
      default:
        return n + "th";
    }
  }
}
