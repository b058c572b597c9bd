package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;

/**
 * Candidate (stream row, build row) pairs of one stream batch, produced in chunks so a probe that explodes
 * never materializes more than a chunk: hash-chain matches for an equi-join, the cross product for a
 * nested-loop join.
 */
interface PairSource extends AutoCloseable {
  /** Starts on a new stream batch (releasing what the previous one needed). */
  void reset(Batch stream);

  /**
   * Writes up to {@code max} further pairs of the current batch (stream rows in increasing order) and
   * returns how many; 0 when the batch has no more.
   */
  int next(int[] streamRows, int[] buildRows, int max);

  /** Releases everything: the current batch's evaluated keys and any table over the build side. */
  @Override
  void close();
}
