package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lines up the inputs of a union: by name when asked, then positionally with widened column types. */
final class UnionResolution {
  private UnionResolution() {}

  static List<LogicalPlan> byName(List<LogicalPlan> children, boolean allowMissing, boolean caseSensitive) {
    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (AttributeReference a : children.get(0).output()) {
      names.add(a.name());
      types.add(a.dataType());
    }
    if (allowMissing) {
      for (LogicalPlan c : children.subList(1, children.size())) {
        for (AttributeReference a : c.output()) {
          if (indexOf(names, a.name(), caseSensitive) < 0) {
            names.add(a.name());
            types.add(a.dataType());
          }
        }
      }
    }
    List<LogicalPlan> out = new ArrayList<>();
    for (int ci = 0; ci < children.size(); ci++) {
      LogicalPlan c = children.get(ci);
      List<AttributeReference> output = c.output();
      if (!allowMissing && output.size() != names.size()) {
        throw numColumnsMismatch(names.size(), output.size(), ci);
      }
      List<Expression> list = new ArrayList<>();
      boolean identity = output.size() == names.size();
      for (int i = 0; i < names.size(); i++) {
        AttributeReference match = null;
        for (AttributeReference a : output) {
          if (caseSensitive ? a.name().equals(names.get(i)) : a.name().equalsIgnoreCase(names.get(i))) {
            match = a;
            break;
          }
        }
        if (match == null) {
          if (!allowMissing) {
            throw Analyzer.unresolvedAmongFields(names.get(i), output);
          }
          list.add(new Alias(Literal.nullOf(types.get(i)), names.get(i)));
          identity = false;
        } else {
          list.add(match);
          // Short-circuit: with missing columns allowed, names can outnumber this input's columns.
          identity = identity && output.get(i).exprId().equals(match.exprId());
        }
      }
      out.add(identity ? c : new Project(list, c));
    }
    return out;
  }

  private static int indexOf(List<String> names, String name, boolean caseSensitive) {
    for (int i = 0; i < names.size(); i++) {
      if (caseSensitive ? names.get(i).equals(name) : names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static AnalysisException numColumnsMismatch(int first, int other, int index) {
    return new AnalysisException("NUM_COLUMNS_MISMATCH", "UNION can only be performed on inputs with the same "
        + "number of columns, but the first input has " + first + " columns and the " + ordinalInput(index)
        + " input has " + other + " columns.", "42826");
  }

  private static String ordinalInput(int index) {
    switch (index) {
      case 1:
        return "second";
      case 2:
        return "third";
      default:
        return (index + 1) + "th";
    }
  }

  /** Checks column counts and casts each column of every input to the common type of that column. */
  static List<LogicalPlan> widen(List<LogicalPlan> children) {
    int n = children.get(0).output().size();
    for (int ci = 1; ci < children.size(); ci++) {
      if (children.get(ci).output().size() != n) {
        throw numColumnsMismatch(n, children.get(ci).output().size(), ci);
      }
    }
    List<DataType> common = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DataType t = children.get(0).output().get(i).dataType();
      for (int ci = 1; ci < children.size(); ci++) {
        DataType other = children.get(ci).output().get(i).dataType();
        Optional<DataType> w = TypeCoercion.wider(t, other);
        if (w.isEmpty()) {
          throw new AnalysisException("INCOMPATIBLE_COLUMN_TYPE", "UNION can only be performed on inputs with "
              + "compatible column types. The " + AnalysisErrors.ordinal(i + 1) + " column of the "
              + ordinalInput(ci) + " table is \"" + other.sql() + "\" type which is not compatible with \""
              + t.sql() + "\" at the same column of the first table.", "42825");
        }
        t = w.get();
      }
      common.add(t);
    }
    List<LogicalPlan> out = new ArrayList<>();
    for (LogicalPlan c : children) {
      List<AttributeReference> output = c.output();
      boolean same = true;
      List<Expression> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        AttributeReference a = output.get(i);
        if (a.dataType().equals(common.get(i))) {
          list.add(a);
        } else {
          same = false;
          list.add(new Alias(Cast.implicit(a, common.get(i)), a.name()));
        }
      }
      out.add(same ? c : new Project(list, c));
    }
    return out;
  }
}
