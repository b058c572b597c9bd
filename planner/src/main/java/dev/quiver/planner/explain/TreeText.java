package dev.quiver.planner.explain;

import java.util.List;
import java.util.function.Function;

/**
 * Draws a tree as Spark's plan strings do: children below their parent, the last child after {@code +- },
 * earlier ones after {@code :- }, with {@code :  } continuing the lines of earlier siblings.
 */
final class TreeText {
  private TreeText() {}

  static <T> String draw(T root, Function<T, String> label, Function<T, List<T>> children) {
    StringBuilder sb = new StringBuilder();
    draw(root, label, children, "", "", sb);
    return sb.toString();
  }

  private static <T> void draw(T node, Function<T, String> label, Function<T, List<T>> children, String firstPrefix,
      String restPrefix, StringBuilder sb) {
    sb.append(firstPrefix).append(label.apply(node)).append('\n');
    List<T> kids = children.apply(node);
    for (int i = 0; i < kids.size(); i++) {
      boolean last = i == kids.size() - 1;
      draw(kids.get(i), label, children, restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "), sb);
    }
  }
}
