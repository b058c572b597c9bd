package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns an expression of one plan node may refer to: the outputs of the node's (analyzed) children.
 * Resolves names as Spark does: case-insensitively by default, {@code t.a} by relation alias first and then
 * as a struct field, and {@code df.col("a")} against the DataFrame whose plan id it carries.
 */
final class Scope {
  private final List<AttributeReference> input;
  private final List<LogicalPlan> children;
  private final boolean caseSensitive;

  Scope(List<AttributeReference> input, List<LogicalPlan> children, boolean caseSensitive) {
    this.input = List.copyOf(input);
    this.children = List.copyOf(children);
    this.caseSensitive = caseSensitive;
  }

  static Scope of(LogicalPlan child, boolean caseSensitive) {
    return new Scope(child.output(), List.of(child), caseSensitive);
  }

  List<AttributeReference> input() {
    return input;
  }

  boolean caseSensitive() {
    return caseSensitive;
  }

  boolean sameName(String a, String b) {
    return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
  }

  /** Resolves a name or throws an AnalysisException naming it and the nearest existing columns. */
  Expression resolve(UnresolvedAttribute u) {
    if (u.planId() != 0) {
      return resolveByPlanId(u);
    }
    Optional<Expression> r = tryResolve(u.nameParts(), input);
    if (r.isPresent()) {
      return r.get();
    }
    throw AnalysisErrors.unresolvedColumn(u.nameParts(), input);
  }

  Optional<Expression> tryResolve(UnresolvedAttribute u) {
    if (u.planId() != 0) {
      try {
        return Optional.of(resolveByPlanId(u));
      } catch (AnalysisException e) {
        return Optional.empty();
      }
    }
    return tryResolve(u.nameParts(), input);
  }

  private Optional<Expression> tryResolve(List<String> parts, List<AttributeReference> candidates) {
    // Longest qualifier first: with parts [t, a], "t" as a relation alias wins over "t" as a struct column.
    for (int q = Math.min(parts.size() - 1, 3); q >= 0; q--) {
      List<String> qualifier = parts.subList(0, q);
      String name = parts.get(q);
      List<AttributeReference> matches = new ArrayList<>();
      Set<ExprId> seen = new HashSet<>();
      for (AttributeReference a : candidates) {
        if (sameName(a.name(), name) && qualifierMatches(a.qualifier(), qualifier) && seen.add(a.exprId())) {
          matches.add(a);
        }
      }
      if (matches.size() > 1) {
        throw AnalysisErrors.ambiguousReference(parts.subList(0, q + 1), matches);
      }
      if (matches.size() == 1) {
        Expression e = matches.get(0);
        for (String field : parts.subList(q + 1, parts.size())) {
          e = extractField(e, field, parts);
        }
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private boolean qualifierMatches(List<String> actual, List<String> wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    if (wanted.size() > actual.size()) {
      return false;
    }
    List<String> tail = actual.subList(actual.size() - wanted.size(), actual.size());
    for (int i = 0; i < wanted.size(); i++) {
      if (!sameName(tail.get(i), wanted.get(i))) {
        return false;
      }
    }
    return true;
  }

  private Expression extractField(Expression struct, String field, List<String> parts) {
    DataType t = struct.dataType();
    if (t instanceof StructType s) {
      for (StructField f : s.fieldList()) {
        if (sameName(f.name(), field)) {
          return new ExtractValue(struct, Literal.of(f.name()));
        }
      }
      throw new AnalysisException("FIELD_NOT_FOUND", "No such struct field " + AnalysisErrors.quoteId(field)
          + " in " + String.join(", ", quoteAll(s.fieldNames())) + ".", "42704");
    }
    throw new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", "Can't extract a value from \""
        + String.join(".", parts) + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + t.sql() + "\".",
        "42000");
  }

  private static List<String> quoteAll(String[] names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(AnalysisErrors.quoteId(n));
    }
    return out;
  }

  /** {@code df.col(name)}: resolve in the plan of that DataFrame, then require the column in the input. */
  private Expression resolveByPlanId(UnresolvedAttribute u) {
    List<PlanIdMarker> markers = new ArrayList<>();
    for (LogicalPlan c : children) {
      for (LogicalPlan n : Plans.collectNodes(c)) {
        if (n instanceof PlanIdMarker m && m.planId() == u.planId()) {
          markers.add(m);
        }
      }
    }
    if (markers.isEmpty()) {
      throw cannotResolveDataFrameColumn(u);
    }
    Set<ExprId> inputIds = new HashSet<>();
    for (AttributeReference a : input) {
      inputIds.add(a.exprId());
    }
    Map<ExprId, Expression> found = new LinkedHashMap<>();
    AnalysisException firstError = null;
    for (PlanIdMarker m : markers) {
      try {
        Optional<Expression> r = tryResolve(u.nameParts(), m.output());
        if (r.isPresent()) {
          Expression e = r.get();
          AttributeReference root = rootAttribute(e);
          if (root != null && inputIds.contains(root.exprId())) {
            found.putIfAbsent(root.exprId(), withInputAttribute(e, root));
          }
        }
      } catch (AnalysisException e) {
        firstError = firstError == null ? e : firstError;
      }
    }
    if (found.size() == 1) {
      return found.values().iterator().next();
    }
    if (found.size() > 1) {
      throw new AnalysisException("AMBIGUOUS_COLUMN_REFERENCE", "Column " + AnalysisErrors.quoteId(u.nameParts())
          + " is ambiguous. It's because you joined several DataFrame together, and some of these DataFrames are "
          + "the same. Please alias the DataFrames with different names via `DataFrame.alias` before joining "
          + "them, and specify the column using qualified name, e.g. "
          + "`df.alias(\"a\").join(df.alias(\"b\"), col(\"a.id\") > col(\"b.id\"))`.", "42702");
    }
    if (firstError != null) {
      throw firstError;
    }
    throw cannotResolveDataFrameColumn(u);
  }

  /** The input's version of the attribute (its nullability and qualifier may differ from the marker's). */
  private Expression withInputAttribute(Expression e, AttributeReference root) {
    for (AttributeReference a : input) {
      if (a.exprId().equals(root.exprId())) {
        return dev.quiver.planner.expressions.Expressions.transformUp(e,
            x -> x instanceof AttributeReference r && r.exprId().equals(a.exprId()) ? a : x);
      }
    }
    return e;
  }

  private static AttributeReference rootAttribute(Expression e) {
    Expression cur = e;
    while (cur instanceof ExtractValue x) {
      cur = x.child();
    }
    return cur instanceof AttributeReference a ? a : null;
  }

  private static AnalysisException cannotResolveDataFrameColumn(UnresolvedAttribute u) {
    return new AnalysisException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "Cannot resolve dataframe column "
        + AnalysisErrors.quoteId(u.nameParts()) + ". It's probably because of illegal references like "
        + "`df1.select(df2.col(\"a\"))`: the column belongs to a DataFrame that is not an input of this one.",
        "42704");
  }

  /** {@code *}, {@code t.*} or {@code struct.*}. */
  List<Expression> expandStar(UnresolvedStar star) {
    List<AttributeReference> base = input;
    if (star.planId() != 0) {
      base = new ArrayList<>();
      for (LogicalPlan c : children) {
        for (LogicalPlan n : Plans.collectNodes(c)) {
          if (n instanceof PlanIdMarker m && m.planId() == star.planId()) {
            base.addAll(m.output());
            break;
          }
        }
      }
    }
    if (star.target().isEmpty()) {
      return new ArrayList<>(base);
    }
    List<Expression> out = new ArrayList<>();
    for (AttributeReference a : base) {
      if (qualifierMatches(a.qualifier(), star.target())) {
        out.add(a);
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    Optional<Expression> struct = tryResolve(star.target(), base);
    if (struct.isPresent() && struct.get().dataType() instanceof StructType s) {
      for (StructField f : s.fieldList()) {
        out.add(new dev.quiver.planner.expressions.Alias(
            new ExtractValue(struct.get(), Literal.of(f.name())), f.name()));
      }
      return out;
    }
    throw new AnalysisException("CANNOT_RESOLVE_STAR_EXPAND", "Cannot resolve "
        + AnalysisErrors.quoteId(star.target()) + ".* given input columns " + String.join(", ", inputNames())
        + ".", "42704");
  }

  private List<String> inputNames() {
    List<String> names = new ArrayList<>();
    for (AttributeReference a : input) {
      names.add(AnalysisErrors.quoteId(a.name()));
    }
    return names;
  }

  String lower(String s) {
    return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
  }
}
