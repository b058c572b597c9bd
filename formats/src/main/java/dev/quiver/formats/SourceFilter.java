package dev.quiver.formats;

import java.util.List;

/**
 * A predicate a reader may use to skip data (Parquet row groups by statistics). It is advisory: readers
 * may return rows that do not match; the engine filters again. Values are in the internal form of
 * {@code dev.quiver.planner.expressions.Literal} (Integer days for dates, Long micros for timestamps).
 * Column names are top-level columns of the file's data schema.
 */
public sealed interface SourceFilter {
  /** {@code column op value} with value never null. */
  record Compare(String column, Op op, Object value) implements SourceFilter {}

  record IsNull(String column) implements SourceFilter {}

  record IsNotNull(String column) implements SourceFilter {}

  record In(String column, List<Object> values) implements SourceFilter {
    public In {
      values = List.copyOf(values);
    }
  }

  record And(SourceFilter left, SourceFilter right) implements SourceFilter {}

  record Or(SourceFilter left, SourceFilter right) implements SourceFilter {}

  record Not(SourceFilter child) implements SourceFilter {}

  record StringStartsWith(String column, String prefix) implements SourceFilter {}

  /**
   * {@code column} (int, date or bigint) is one of {@code keys}: a join's build keys, pushed into the scan of
   * its other side when the task runs, so that the reader decodes the other columns only for rows that can
   * find a match. A null value does not pass (an equi-join never matches it).
   */
  record KeysIn(String column, KeySet keys) implements SourceFilter {}

  enum Op { EQ, LT, LTE, GT, GTE }
}
