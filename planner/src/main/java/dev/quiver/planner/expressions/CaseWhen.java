package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}. A null condition counts as false; without ELSE the
 * result is null when no condition holds. Children are c1, v1, c2, v2, ..., then e if present.
 */
public record CaseWhen(List<Branch> branches, Optional<Expression> elseValue) implements Expression {

  /** One {@code WHEN condition THEN value}. */
  public record Branch(Expression condition, Expression value) {}

  public CaseWhen {
    branches = List.copyOf(branches);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("CASE WHEN needs at least one branch");
    }
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>();
    for (Branch b : branches) {
      all.add(b.condition());
      all.add(b.value());
    }
    elseValue.ifPresent(all::add);
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    List<Branch> bs = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      bs.add(new Branch(c.get(2 * i), c.get(2 * i + 1)));
    }
    Optional<Expression> e = elseValue.isPresent() ? Optional.of(c.get(2 * branches.size())) : Optional.empty();
    return new CaseWhen(bs, e);
  }

  @Override
  public DataType dataType() {
    return branches.get(0).value().dataType();
  }

  @Override
  public boolean nullable() {
    if (elseValue.isEmpty() || elseValue.get().nullable()) {
      return true;
    }
    for (Branch b : branches) {
      if (b.value().nullable()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitCaseWhen(this);
  }
}
