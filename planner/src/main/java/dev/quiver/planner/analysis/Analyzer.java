package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.NamedExpression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanVisitor;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.NullType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an unresolved logical plan, as the API builds it, into a resolved one: names bound to attributes
 * with unique ids, stars expanded, types checked and implicit casts inserted, generated column names given,
 * and the API's convenience nodes (withColumn, drop, join using columns, union by name) rewritten into
 * plain operators. Works bottom-up in one pass: a node is resolved against its already-analyzed children.
 * Every problem a user can cause is an {@link AnalysisException} naming the column or expression.
 */
public final class Analyzer {
  private final boolean caseSensitive;

  public Analyzer(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  public Analyzer() {
    this(false);
  }

  public LogicalPlan analyze(LogicalPlan plan) {
    LogicalPlan resolved = plan.accept(new Resolver());
    CheckAnalysis.check(resolved);
    return resolved;
  }

  private final class Resolver implements LogicalPlanVisitor<LogicalPlan> {

    private LogicalPlan analyze(LogicalPlan p) {
      return p.accept(this);
    }

    private Scope scope(LogicalPlan child) {
      return Scope.of(child, caseSensitive);
    }

    // ------------------------------------------------------------------ leaves

    @Override
    public LogicalPlan visitLocalRelation(LocalRelation r) {
      return r.resolved() ? r : r.withFreshOutput();
    }

    @Override
    public LogicalPlan visitRange(Range r) {
      return r.resolved() ? r : r.withFreshOutput();
    }

    @Override
    public LogicalPlan visitFileRelation(FileRelation r) {
      return r.output().isEmpty() ? r.withFreshOutput() : r;
    }

    @Override
    public LogicalPlan visitCachedRelation(CachedRelation r) {
      return r;
    }

    // ------------------------------------------------------------------ unary operators

    @Override
    public LogicalPlan visitProject(Project p) {
      LogicalPlan child = analyze(p.child());
      List<Expression> list = resolveNamedList(p.projectList(), scope(child));
      return projectOrAggregate(list, child);
    }

    private LogicalPlan projectOrAggregate(List<Expression> list, LogicalPlan child) {
      boolean hasAggregate = false;
      boolean hasWindow = false;
      for (Expression e : list) {
        hasWindow |= Expressions.containsWindow(e);
        hasAggregate |= Expressions.exists(e, x -> x instanceof AggregateCall) && !Expressions.containsWindow(e);
      }
      if (hasAggregate) {
        AggregateValidation.check(List.of(), list);
        return new Aggregate(List.of(), list, child);
      }
      if (hasWindow) {
        return WindowExtraction.extract(list, child);
      }
      return new Project(list, child);
    }

    @Override
    public LogicalPlan visitFilter(Filter f) {
      LogicalPlan child = analyze(f.child());
      WithMissing r = resolveWithMissing(List.of(f.condition()), child);
      Expression cond = toCondition(r.exprs().get(0), "WHERE");
      return r.restore(new Filter(cond, r.child()));
    }

    private Expression toCondition(Expression cond, String clause) {
      if (Expressions.exists(cond, x -> x instanceof AggregateCall || x instanceof dev.quiver.planner.expressions.WindowExpression)) {
        throw new AnalysisException("INVALID_WHERE_CONDITION", "The " + clause + " condition \"" + cond.sql()
            + "\" contains invalid expressions: aggregate or window functions. Rewrite the query to filter on the "
            + "result of an aggregation (groupBy().agg(...)) instead.", "42903");
      }
      DataType t = cond.dataType();
      if (t instanceof NullType) {
        return Cast.implicit(cond, DataTypes.BooleanType);
      }
      if (!(t instanceof BooleanType)) {
        throw new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "Cannot resolve \"" + cond.sql()
            + "\" due to data type mismatch: Filter expression \"" + cond.sql() + "\" of type \"" + t.sql()
            + "\" is not a boolean.", "42K09");
      }
      return cond;
    }

    @Override
    public LogicalPlan visitAggregate(Aggregate a) {
      LogicalPlan child = analyze(a.child());
      Scope scope = scope(child);
      List<Expression> grouping = new ArrayList<>();
      for (Expression g : a.groupingExpressions()) {
        Expression r = resolveExpression(g, scope);
        if (Expressions.exists(r, x -> x instanceof AggregateCall)) {
          throw new AnalysisException("GROUP_BY_AGGREGATE", "Aggregate functions are not allowed in GROUP BY, but "
              + "found " + r.sql() + ".", "42903");
        }
        grouping.add(Expressions.unalias(r));
      }
      List<Expression> aggs = resolveNamedList(a.aggregateExpressions(), scope);
      AggregateValidation.check(grouping, aggs);
      return new Aggregate(grouping, aggs, child);
    }

    @Override
    public LogicalPlan visitSort(Sort s) {
      LogicalPlan child = analyze(s.child());
      WithMissing r = resolveWithMissing(new ArrayList<>(s.order()), child);
      List<SortOrder> orders = new ArrayList<>();
      for (Expression e : r.exprs()) {
        orders.add((SortOrder) e);
      }
      return r.restore(new Sort(orders, s.global(), r.child()));
    }

    @Override
    public LogicalPlan visitLimit(Limit l) {
      return new Limit(l.limit(), analyze(l.child()));
    }

    @Override
    public LogicalPlan visitDistinct(Distinct d) {
      return new Distinct(analyze(d.child()));
    }

    @Override
    public LogicalPlan visitDeduplicate(Deduplicate d) {
      LogicalPlan child = analyze(d.child());
      List<Expression> keys = new ArrayList<>();
      Set<ExprId> seen = new HashSet<>();
      for (Expression k : d.keys()) {
        if (!(k instanceof UnresolvedAttribute u)) {
          throw new AnalysisException("dropDuplicates takes column names, but got " + k.sql() + ".");
        }
        String name = u.nameParts().get(0);
        boolean found = false;
        for (AttributeReference a : child.output()) {
          if (sameName(a.name(), name)) {
            found = true;
            if (seen.add(a.exprId())) {
              keys.add(a);
            }
          }
        }
        if (!found) {
          throw unresolvedAmongFields(name, child.output());
        }
      }
      return new Deduplicate(keys, child);
    }

    @Override
    public LogicalPlan visitSubqueryAlias(SubqueryAlias s) {
      return new SubqueryAlias(s.alias(), analyze(s.child()));
    }

    @Override
    public LogicalPlan visitRepartition(Repartition r) {
      LogicalPlan child = analyze(r.child());
      Scope scope = scope(child);
      List<Expression> exprs = new ArrayList<>();
      for (Expression e : r.partitionExpressions()) {
        exprs.add(Expressions.unalias(resolveExpression(e, scope)));
      }
      if (r.numPartitions() < 0) {
        throw new AnalysisException("Number of partitions (" + r.numPartitions() + ") must be positive.");
      }
      return new Repartition(r.numPartitions(), r.shuffle(), exprs, child);
    }

    @Override
    public LogicalPlan visitWindow(Window w) {
      LogicalPlan child = analyze(w.child());
      Scope scope = scope(child);
      List<Expression> exprs = new ArrayList<>();
      for (Expression e : w.expressions()) {
        exprs.add(resolveExpression(e, scope));
      }
      return new Window(w.windowExpressions(), w.partitionSpec(), w.orderSpec(), child).withExpressions(exprs);
    }

    @Override
    public LogicalPlan visitPlanIdMarker(PlanIdMarker m) {
      return new PlanIdMarker(m.planId(), analyze(m.child()));
    }

    @Override
    public LogicalPlan visitWithColumns(WithColumns w) {
      LogicalPlan child = analyze(w.child());
      Scope scope = scope(child);
      List<Expression> resolved = new ArrayList<>();
      for (Expression c : w.columns()) {
        Expression r = resolveExpression(c, scope);
        resolved.add(r instanceof Alias a ? a.child() : r);
      }
      List<Expression> list = new ArrayList<>();
      boolean[] used = new boolean[w.names().size()];
      for (AttributeReference a : child.output()) {
        int match = -1;
        for (int i = w.names().size() - 1; i >= 0; i--) {
          if (sameName(a.name(), w.names().get(i))) {
            match = i;
            break;
          }
        }
        if (match >= 0) {
          used[match] = true;
          list.add(new Alias(resolved.get(match), w.names().get(match)));
        } else {
          list.add(a);
        }
      }
      for (int i = 0; i < used.length; i++) {
        boolean later = false;
        for (int j = i + 1; j < used.length; j++) {
          later |= sameName(w.names().get(i), w.names().get(j));
        }
        if (!used[i] && !later) {
          list.add(new Alias(resolved.get(i), w.names().get(i)));
        }
      }
      return projectOrAggregate(list, child);
    }

    /**
     * {@code withColumnRenamed(s)}: renames by name. With no existing names but some new ones it is the
     * positional renaming of {@code toDF(names...)} (Spark's UnresolvedSubqueryColumnAliases): output column i
     * becomes {@code newNames[i]}, so columns sharing a name (after a join) are renamed too.
     */
    @Override
    public LogicalPlan visitWithColumnsRenamed(WithColumnsRenamed w) {
      LogicalPlan child = analyze(w.child());
      if (w.existing().isEmpty() && !w.newNames().isEmpty()) {
        List<AttributeReference> output = child.output();
        if (output.size() != w.newNames().size()) {
          throw new AnalysisException("_LEGACY_ERROR_TEMP_1028", "Number of column aliases does not match number "
              + "of columns. Number of column aliases: " + w.newNames().size() + "; number of columns: "
              + output.size() + ".", null);
        }
        List<Expression> renamed = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
          renamed.add(new Alias(output.get(i), w.newNames().get(i)));
        }
        return new Project(renamed, child);
      }
      List<Expression> list = new ArrayList<>();
      for (AttributeReference a : child.output()) {
        String newName = null;
        for (int i = 0; i < w.existing().size(); i++) {
          if (sameName(a.name(), w.existing().get(i))) {
            newName = w.newNames().get(i);
          }
        }
        list.add(newName == null ? a : new Alias(a, newName));
      }
      return new Project(list, child);
    }

    @Override
    public LogicalPlan visitDrop(Drop d) {
      LogicalPlan child = analyze(d.child());
      Scope scope = scope(child);
      Set<ExprId> dropped = new HashSet<>();
      for (String name : d.names()) {
        for (AttributeReference a : child.output()) {
          if (sameName(a.name(), name)) {
            dropped.add(a.exprId());
          }
        }
      }
      for (Expression c : d.columns()) {
        Optional<Expression> r = c instanceof UnresolvedAttribute u ? scope.tryResolve(u) : Optional.empty();
        if (r.isPresent() && r.get() instanceof AttributeReference a) {
          dropped.add(a.exprId());
        }
      }
      List<Expression> list = new ArrayList<>();
      for (AttributeReference a : child.output()) {
        if (!dropped.contains(a.exprId())) {
          list.add(a);
        }
      }
      return new Project(list, child);
    }

    // ------------------------------------------------------------------ joins and unions

    @Override
    public LogicalPlan visitJoin(Join j) {
      LogicalPlan left = analyze(j.left());
      LogicalPlan right = analyze(j.right());
      if (!j.usingColumns().isEmpty()) {
        return UsingJoin.resolve(left, right, j.joinType(), j.usingColumns(), caseSensitive);
      }
      Optional<Expression> cond = Optional.empty();
      if (j.condition().isPresent()) {
        List<AttributeReference> both = new ArrayList<>(left.output());
        both.addAll(right.output());
        Scope scope = new Scope(both, List.of(left, right), caseSensitive);
        cond = Optional.of(toCondition(resolveExpression(j.condition().get(), scope), "JOIN"));
      }
      return Join.on(left, right, j.joinType(), cond);
    }

    @Override
    public LogicalPlan visitUnion(Union u) {
      List<LogicalPlan> children = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        children.add(analyze(c));
      }
      if (u.byName()) {
        children = UnionResolution.byName(children, u.allowMissingColumns(), caseSensitive);
      }
      return new Union(UnionResolution.widen(children), false, false);
    }

    // ------------------------------------------------------------------ expressions

    private boolean sameName(String a, String b) {
      return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    private List<Expression> resolveNamedList(List<Expression> list, Scope scope) {
      List<Expression> out = new ArrayList<>();
      for (Expression e : list) {
        if (e instanceof UnresolvedStar s) {
          out.addAll(scope.expandStar(s));
          continue;
        }
        Expression r = resolveExpression(e, scope);
        out.add(named(e, r));
      }
      return out;
    }

    /**
     * Spark's names: attributes and aliases keep theirs; a user's cast of a named column keeps the column's
     * name (Spark's AliasResolution: {@code Cast(ne: NamedExpression)} is aliased {@code ne.name}, so
     * {@code col("id").cast("string")} and {@code try_cast(id AS STRING)} are {@code id}); a struct field is
     * named by the field; others by SQL.
     */
    private Expression named(Expression original, Expression resolved) {
      if (resolved instanceof NamedExpression) {
        return resolved;
      }
      if (original instanceof Cast o && o.userSpecified() && resolved instanceof Cast c
          && c.child() instanceof NamedExpression child) {
        return new Alias(resolved, child.name());
      }
      if (resolved instanceof ScalarFunction f && f.name().equals("try_cast")
          && f.args().get(0) instanceof NamedExpression child) {
        // The same for try_cast, a Cast in TRY mode in Spark.
        return new Alias(resolved, child.name());
      }
      if (original instanceof UnresolvedAttribute u && resolved instanceof ExtractValue) {
        List<String> parts = u.nameParts();
        return new Alias(resolved, parts.get(parts.size() - 1));
      }
      return new Alias(resolved, resolved.sql());
    }

    private Expression resolveExpression(Expression e, Scope scope) {
      return Expressions.transformUp(e, x -> {
        if (x instanceof UnresolvedAttribute u) {
          return scope.resolve(u);
        }
        if (x instanceof UnresolvedFunction f) {
          return ExpressionCoercion.coerce(FunctionResolution.resolve(f));
        }
        if (x instanceof UnresolvedStar) {
          // Only meaningful inside count(*), rewritten when the enclosing call is visited.
          return x;
        }
        if (x instanceof AggregateCall a && a.function() == AggregateFunction.COUNT && a.args().size() == 1
            && a.args().get(0) instanceof UnresolvedStar) {
          return new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), a.distinct(), a.ignoreNulls());
        }
        for (Expression c : x.children()) {
          if (!c.resolved()) {
            return x;
          }
        }
        return ExpressionCoercion.coerce(x);
      });
    }

    /**
     * Resolves expressions of a Filter or Sort; a name missing from the child's output but produced below a
     * Project child is added to that Project (Spark's ResolveMissingReferences), and {@link WithMissing#restore}
     * then projects the extra column away again.
     */
    private WithMissing resolveWithMissing(List<Expression> exprs, LogicalPlan child) {
      Scope scope = scope(child);
      try {
        List<Expression> out = new ArrayList<>();
        for (Expression e : exprs) {
          out.add(resolveExpression(e, scope));
        }
        return new WithMissing(out, child, null);
      } catch (AnalysisException first) {
        Project project = projectBelow(child);
        if (project == null || !first.getMessage().contains("UNRESOLVED_COLUMN")) {
          throw first;
        }
        List<AttributeReference> wider = new ArrayList<>(project.output());
        wider.addAll(project.child().output());
        Scope extended = new Scope(wider, List.of(child, project.child()), caseSensitive);
        List<Expression> out = new ArrayList<>();
        try {
          for (Expression e : exprs) {
            out.add(resolveExpression(e, extended));
          }
        } catch (AnalysisException second) {
          throw first;
        }
        Set<ExprId> have = new HashSet<>();
        for (AttributeReference a : project.output()) {
          have.add(a.exprId());
        }
        List<Expression> list = new ArrayList<>(project.projectList());
        for (AttributeReference a : Expressions.references(out)) {
          if (have.add(a.exprId())) {
            list.add(a);
          }
        }
        return new WithMissing(out, new Project(list, project.child()), child.output());
      }
    }

    private Project projectBelow(LogicalPlan plan) {
      LogicalPlan cur = plan;
      while (cur instanceof PlanIdMarker m) {
        cur = m.child();
      }
      return cur instanceof Project p ? p : null;
    }
  }

  /** Resolved expressions, the (possibly widened) child, and the output to restore if it was widened. */
  private record WithMissing(List<Expression> exprs, LogicalPlan child, List<AttributeReference> originalOutput) {
    LogicalPlan restore(LogicalPlan plan) {
      return originalOutput == null ? plan : new Project(new ArrayList<>(originalOutput), plan);
    }
  }

  static AnalysisException unresolvedAmongFields(String name, List<AttributeReference> output) {
    List<String> names = new ArrayList<>();
    for (AttributeReference a : output) {
      names.add(a.name());
    }
    return new AnalysisException("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", "Cannot resolve column name \"" + name
        + "\" among (" + String.join(", ", names) + ").", "42703");
  }

  /** {@code l = r} with both sides cast to their common type, for join keys. */
  static Expression equalKeys(Expression l, Expression r) {
    return ExpressionCoercion.coerce(new Comparison(ComparisonOp.EQ, l, r));
  }

  static Expression coalesceKeys(Expression l, Expression r) {
    return ExpressionCoercion.coerce(new ScalarFunction("coalesce", List.of(l, r)));
  }
}
