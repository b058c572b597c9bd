package dev.quiver.planner.expressions;

import java.util.concurrent.atomic.AtomicLong;

/** The identity of an attribute: two references mean the same column exactly when their ids are equal. */
public record ExprId(long id) {
  private static final AtomicLong NEXT = new AtomicLong();

  public static ExprId next() {
    return new ExprId(NEXT.getAndIncrement());
  }

  @Override
  public String toString() {
    return "#" + id;
  }
}
