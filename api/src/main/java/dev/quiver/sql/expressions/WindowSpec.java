package dev.quiver.sql.expressions;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.sql.Column;
import dev.quiver.sql.functions;
import java.util.ArrayList;
import java.util.List;

/** A window: partitioning, ordering and frame, as Spark's WindowSpec. Immutable; each call returns a new spec. */
public final class WindowSpec {
  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final WindowFrame userFrame;

  WindowSpec(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrame userFrame) {
    this.partitionSpec = List.copyOf(partitionSpec);
    this.orderSpec = List.copyOf(orderSpec);
    this.userFrame = userFrame;
  }

  public WindowSpec partitionBy(String colName, String... colNames) {
    List<Column> cols = new ArrayList<>();
    cols.add(functions.col(colName));
    for (String c : colNames) {
      cols.add(functions.col(c));
    }
    return partitionBy(cols.toArray(new Column[0]));
  }

  public WindowSpec partitionBy(Column... cols) {
    List<Expression> exprs = new ArrayList<>();
    for (Column c : cols) {
      exprs.add(c.expr());
    }
    return new WindowSpec(exprs, orderSpec, userFrame);
  }

  public WindowSpec orderBy(String colName, String... colNames) {
    List<Column> cols = new ArrayList<>();
    cols.add(functions.col(colName));
    for (String c : colNames) {
      cols.add(functions.col(c));
    }
    return orderBy(cols.toArray(new Column[0]));
  }

  public WindowSpec orderBy(Column... cols) {
    List<SortOrder> orders = new ArrayList<>();
    for (Column c : cols) {
      orders.add(c.expr() instanceof SortOrder s ? s : SortOrder.asc(c.expr()));
    }
    return new WindowSpec(partitionSpec, orders, userFrame);
  }

  public WindowSpec rowsBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrame(WindowFrame.FrameType.ROWS, start, end));
  }

  public WindowSpec rangeBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrame(WindowFrame.FrameType.RANGE, start, end));
  }

  public List<Expression> partitionSpec() {
    return partitionSpec;
  }

  public List<SortOrder> orderSpec() {
    return orderSpec;
  }

  /** The frame: as given, or Spark's default (running with an ORDER BY, the whole partition without). */
  public WindowFrame frame() {
    if (userFrame != null) {
      return userFrame;
    }
    return orderSpec.isEmpty() ? WindowFrame.WHOLE_PARTITION : WindowFrame.DEFAULT_ORDERED;
  }
}
