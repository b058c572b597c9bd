package dev.quiver.executor.operators.join;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import java.util.Set;

/**
 * A build output column that holds, in every matched pair, the same value as a stream column: the join's
 * single key when both sides' keys are plain columns of a type whose equal values are identical (integers,
 * dates, timestamps, strings; not floating point, where -0.0 equals 0.0). The output then copies that
 * column from the stream batch, read in order, instead of gathering it from random build rows.
 */
record SharedKeyColumn(int streamColumn, int buildColumn) {
  private static final Set<DataType> IDENTICAL_WHEN_EQUAL = Set.of(DataTypes.LongType, DataTypes.IntegerType,
      DataTypes.ShortType, DataTypes.ByteType, DataTypes.DateType, DataTypes.TimestampType, DataTypes.StringType);

  /** The shared column of an equi-join on these keys, or null. */
  static SharedKeyColumn of(List<Expression> streamKeys, List<AttributeReference> streamOutput,
      List<Expression> buildKeys, List<AttributeReference> buildOutput) {
    if (streamKeys.size() != 1 || !(streamKeys.get(0) instanceof AttributeReference s)
        || !(buildKeys.get(0) instanceof AttributeReference b) || !IDENTICAL_WHEN_EQUAL.contains(s.dataType())
        || !s.dataType().equals(b.dataType())) {
      return null;
    }
    int streamColumn = indexOf(streamOutput, s);
    int buildColumn = indexOf(buildOutput, b);
    return streamColumn < 0 || buildColumn < 0 ? null : new SharedKeyColumn(streamColumn, buildColumn);
  }

  private static int indexOf(List<AttributeReference> output, AttributeReference a) {
    for (int i = 0; i < output.size(); i++) {
      if (output.get(i).sameRef(a)) {
        return i;
      }
    }
    return -1;
  }
}
