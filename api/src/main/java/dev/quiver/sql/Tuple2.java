package dev.quiver.sql;

/**
 * A pair, for the few Spark methods that return Scala tuples ({@code dtypes()}): use {@code _1()} and
 * {@code _2()} as with {@code scala.Tuple2}.
 */
public record Tuple2<A, B>(A _1, B _2) {
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + ")";
  }
}
