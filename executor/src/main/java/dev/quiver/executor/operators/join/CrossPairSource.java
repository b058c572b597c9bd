package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;

/**
 * The cross product of a stream batch with every build row, in chunks: the candidates of a nested-loop
 * join, which the join condition (if any) then filters. With {@code firstMatchOnly} (semi/anti join without
 * a condition) each stream row pairs with the first build row only.
 */
final class CrossPairSource implements PairSource {
  private final int buildRows;
  private final boolean firstMatchOnly;
  private int rows;
  private int row;
  private int build;

  CrossPairSource(int buildRows, boolean firstMatchOnly) {
    this.buildRows = buildRows;
    this.firstMatchOnly = firstMatchOnly;
  }

  @Override
  public void reset(Batch stream) {
    rows = buildRows == 0 ? 0 : stream.rowCount();
    row = 0;
    build = 0;
  }

  @Override
  public int next(int[] streamRows, int[] buildRowsOut, int max) {
    int count = 0;
    int last = firstMatchOnly ? 1 : buildRows;
    while (row < rows && count < max) {
      int take = Math.min(max - count, last - build);
      for (int i = 0; i < take; i++) {
        streamRows[count] = row;
        buildRowsOut[count] = build + i;
        count++;
      }
      build += take;
      if (build == last) {
        build = 0;
        row++;
      }
    }
    return count;
  }

  @Override
  public void close() {}
}
