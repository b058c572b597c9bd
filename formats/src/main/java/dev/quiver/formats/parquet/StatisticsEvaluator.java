package dev.quiver.formats.parquet;

import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Decides from a row group's column statistics (min, max, null count) whether any of its rows can satisfy a
 * conjunction of {@link SourceFilter}s. Every doubt answers "might match": a filter on an unknown column, a
 * value of an unexpected type, missing statistics, unsigned or INT96 columns. Statistics are compared in
 * Quiver's value domain: whole numbers as long, decimals as BigDecimal, timestamps as microseconds, strings
 * as unsigned UTF-8 bytes (Spark's string order).
 *
 * <p>Floating-point columns only skip on lower bounds: NaN sorts above every number in Spark, but writers
 * such as Arrow and DuckDB leave NaN out of max, so a maximum below a value does not rule out a match.
 */
final class StatisticsEvaluator {
  /** What a top-level column of the file holds, for comparing its statistics. */
  private enum Domain { LONG, DECIMAL, DOUBLE, BOOLEAN, STRING, NONE }

  private record ColumnInfo(String fileName, PrimitiveType type, Domain domain) {}

  private final Map<String, ColumnInfo> columns = new HashMap<>();
  private final StructType dataSchema;
  private final MessageType fileSchema;
  private final String path;

  StatisticsEvaluator(MessageType fileSchema, StructType dataSchema, boolean binaryAsString, String path) {
    this.fileSchema = fileSchema;
    this.dataSchema = dataSchema;
    this.path = path;
    for (Type t : fileSchema.getFields()) {
      if (t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED)) {
        PrimitiveType p = t.asPrimitiveType();
        Domain d = domain(p, binaryAsString);
        int idx = dataSchema.indexOfIgnoreCase(t.getName());
        if (idx >= 0 && !sameKind(p, dataSchema.apply(idx).dataType())) {
          // Read as another kind of value (a date widened to timestamp_ntz): filter values are in the data
          // schema's units, the statistics are not.
          d = Domain.NONE;
        }
        columns.put(t.getName(), new ColumnInfo(t.getName(), p, d));
      }
    }
  }

  /** Whether the file column's statistics are in the units of values of {@code type}. */
  private static boolean sameKind(PrimitiveType p, DataType type) {
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    if (l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return type instanceof DateType;
    }
    if (l instanceof TimestampLogicalTypeAnnotation) {
      return type instanceof TimestampType || type instanceof TimestampNTZType;
    }
    switch (p.getPrimitiveTypeName()) {
      case INT32:
      case INT64:
      case FLOAT:
      case DOUBLE:
        return type.isNumeric();
      case BOOLEAN:
        return type instanceof BooleanType;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return l instanceof DecimalLogicalTypeAnnotation ? type.isNumeric() : type instanceof StringType;
      default:
        return false;
    }
  }

  private static Domain domain(PrimitiveType p, boolean binaryAsString) {
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    if (l instanceof DecimalLogicalTypeAnnotation) {
      return Domain.DECIMAL;
    }
    switch (p.getPrimitiveTypeName()) {
      case INT32:
        if (l == null || l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
            || l instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
          return Domain.LONG;
        }
        return Domain.NONE;
      case INT64:
        if (l == null || l instanceof TimestampLogicalTypeAnnotation
            || l instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
          return Domain.LONG;
        }
        return Domain.NONE;
      case FLOAT:
      case DOUBLE:
        return Domain.DOUBLE;
      case BOOLEAN:
        return Domain.BOOLEAN;
      case BINARY:
        if (l instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || l instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || l instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            || l == null && binaryAsString) {
          return Domain.STRING;
        }
        return Domain.NONE;
      default:
        return Domain.NONE;
    }
  }

  /** Whether some row of {@code block} might satisfy all {@code filters}. */
  boolean mightMatch(List<SourceFilter> filters, BlockMetaData block) {
    if (filters.isEmpty()) {
      return true;
    }
    Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
    for (ColumnChunkMetaData c : block.getColumns()) {
      if (c.getPath().size() == 1) {
        chunks.put(c.getPath().toDotString(), c);
      }
    }
    Block b = new Block(block.getRowCount(), chunks);
    for (SourceFilter f : filters) {
      if (!might(f, b)) {
        return false;
      }
    }
    return true;
  }

  private record Block(long rows, Map<String, ColumnChunkMetaData> chunks) {}

  /** What is known about one column in one row group. */
  private static final class Facts {
    /** Every value is null (or the file lacks the column). */
    boolean allNull;
    /** Null count is known to be zero. */
    boolean noNulls;
    Domain domain = Domain.NONE;
    /** Min and max in the domain's Java type, or null when unknown. */
    Object min;
    Object max;
  }

  private boolean might(SourceFilter f, Block b) {
    if (f instanceof SourceFilter.And a) {
      return might(a.left(), b) && might(a.right(), b);
    }
    if (f instanceof SourceFilter.Or o) {
      return might(o.left(), b) || might(o.right(), b);
    }
    if (f instanceof SourceFilter.Not n) {
      return mightNot(n.child(), b);
    }
    if (f instanceof SourceFilter.IsNull n) {
      Facts c = facts(n.column(), b);
      return c == null || !c.noNulls;
    }
    if (f instanceof SourceFilter.IsNotNull n) {
      Facts c = facts(n.column(), b);
      return c == null || !c.allNull;
    }
    if (f instanceof SourceFilter.Compare cmp) {
      Facts c = facts(cmp.column(), b);
      return c == null || compareMight(c, cmp.op(), cmp.value());
    }
    if (f instanceof SourceFilter.In in) {
      Facts c = facts(in.column(), b);
      if (c == null) {
        return true;
      }
      for (Object v : in.values()) {
        if (v == null || compareMight(c, SourceFilter.Op.EQ, v)) {
          return true;
        }
      }
      return false;
    }
    if (f instanceof SourceFilter.StringStartsWith s) {
      Facts c = facts(s.column(), b);
      return c == null || startsWithMight(c, s.prefix());
    }
    return true;
  }

  /** Whether some row might satisfy {@code NOT f} (rows where f is null do not). */
  private boolean mightNot(SourceFilter f, Block b) {
    if (f instanceof SourceFilter.Not n) {
      return might(n.child(), b);
    }
    if (f instanceof SourceFilter.And a) {
      return mightNot(a.left(), b) || mightNot(a.right(), b);
    }
    if (f instanceof SourceFilter.Or o) {
      return mightNot(o.left(), b) && mightNot(o.right(), b);
    }
    if (f instanceof SourceFilter.IsNull n) {
      return might(new SourceFilter.IsNotNull(n.column()), b);
    }
    if (f instanceof SourceFilter.IsNotNull n) {
      return might(new SourceFilter.IsNull(n.column()), b);
    }
    if (f instanceof SourceFilter.Compare cmp) {
      switch (cmp.op()) {
        case LT:
          return might(new SourceFilter.Compare(cmp.column(), SourceFilter.Op.GTE, cmp.value()), b);
        case LTE:
          return might(new SourceFilter.Compare(cmp.column(), SourceFilter.Op.GT, cmp.value()), b);
        case GT:
          return might(new SourceFilter.Compare(cmp.column(), SourceFilter.Op.LTE, cmp.value()), b);
        case GTE:
          return might(new SourceFilter.Compare(cmp.column(), SourceFilter.Op.LT, cmp.value()), b);
        default:
          return notInMight(cmp.column(), List.of(cmp.value()), b);
      }
    }
    if (f instanceof SourceFilter.In in) {
      return notInMight(in.column(), in.values(), b);
    }
    return true;
  }

  /** {@code column NOT IN values} fails only when every non-null value equals one of them. */
  private boolean notInMight(String column, List<Object> values, Block b) {
    Facts c = facts(column, b);
    if (c == null) {
      return true;
    }
    if (c.allNull) {
      return false;
    }
    if (c.min == null || c.max == null || c.domain == Domain.DOUBLE) {
      return true;
    }
    for (Object v : values) {
      Integer lo = compare(c, c.min, v);
      Integer hi = compare(c, c.max, v);
      if (lo != null && hi != null && lo == 0 && hi == 0) {
        return false;
      }
    }
    return true;
  }

  private boolean compareMight(Facts c, SourceFilter.Op op, Object value) {
    if (c.allNull) {
      return false;
    }
    if (c.min == null || c.max == null) {
      return true;
    }
    Integer lo = compare(c, c.min, value);
    Integer hi = compare(c, c.max, value);
    if (lo == null || hi == null) {
      return true;
    }
    boolean floating = c.domain == Domain.DOUBLE;
    switch (op) {
      case EQ:
        return lo <= 0 && (floating || hi >= 0);
      case LT:
        return lo < 0;
      case LTE:
        return lo <= 0;
      case GT:
        return floating || hi > 0;
      case GTE:
        return floating || hi >= 0;
      default:
        return true;
    }
  }

  private boolean startsWithMight(Facts c, String prefix) {
    if (c.allNull) {
      return false;
    }
    if (c.domain != Domain.STRING || c.min == null || c.max == null || prefix.isEmpty()) {
      return true;
    }
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] min = (byte[]) c.min;
    byte[] max = (byte[]) c.max;
    if (Arrays.compareUnsigned(max, p) < 0) {
      return false;
    }
    byte[] minHead = Arrays.copyOf(min, Math.min(min.length, p.length));
    return Arrays.compareUnsigned(minHead, p) <= 0;
  }

  /** stat compared to a filter value, or null when they cannot be compared. */
  private static Integer compare(Facts c, Object stat, Object value) {
    switch (c.domain) {
      case LONG: {
        long s = (Long) stat;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return Long.compare(s, ((Number) value).longValue());
        }
        BigDecimal v = decimalOf(value);
        return v == null ? null : BigDecimal.valueOf(s).compareTo(v);
      }
      case DECIMAL: {
        BigDecimal v = decimalOf(value);
        return v == null ? null : ((BigDecimal) stat).compareTo(v);
      }
      case DOUBLE: {
        if (!(value instanceof Number n)) {
          return null;
        }
        double v = n.doubleValue();
        double s = (Double) stat;
        if (Double.isNaN(v) || Double.isNaN(s)) {
          return null;
        }
        return s < v ? -1 : s > v ? 1 : 0;
      }
      case BOOLEAN:
        return value instanceof Boolean v ? Boolean.compare((Boolean) stat, v) : null;
      case STRING:
        return value instanceof String v ? Arrays.compareUnsigned((byte[]) stat, v.getBytes(StandardCharsets.UTF_8))
            : null;
      default:
        return null;
    }
  }

  private static BigDecimal decimalOf(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    return null;
  }

  /** The facts about a filtered column, or null when nothing can be said. */
  private Facts facts(String column, Block b) {
    int idx = ReadPlan.fieldIndex(fileSchema, column, path);
    if (idx < 0) {
      // A column of the data schema that this file lacks reads as all nulls; anything else is unknown.
      if (dataSchema.indexOfIgnoreCase(column) >= 0) {
        Facts f = new Facts();
        f.allNull = true;
        return f;
      }
      return null;
    }
    ColumnInfo info = columns.get(fileSchema.getFieldName(idx));
    if (info == null) {
      return null;
    }
    ColumnChunkMetaData chunk = b.chunks().get(info.fileName());
    if (chunk == null) {
      return null;
    }
    Statistics<?> st = chunk.getStatistics();
    if (st == null || st.isEmpty()) {
      return null;
    }
    Facts f = new Facts();
    f.domain = info.domain();
    if (st.isNumNullsSet()) {
      f.noNulls = st.getNumNulls() == 0;
      f.allNull = st.getNumNulls() >= b.rows() && b.rows() > 0;
    }
    if (st.hasNonNullValue() && f.domain != Domain.NONE) {
      f.min = toDomain(info, st.genericGetMin());
      f.max = toDomain(info, st.genericGetMax());
    }
    return f;
  }

  private static Object toDomain(ColumnInfo info, Object stat) {
    PrimitiveType t = info.type();
    LogicalTypeAnnotation l = t.getLogicalTypeAnnotation();
    switch (info.domain()) {
      case LONG: {
        long v = ((Number) stat).longValue();
        if (l instanceof TimestampLogicalTypeAnnotation ts) {
          if (ts.getUnit() == TimeUnit.MILLIS) {
            // Out of the microsecond range: leave the bound unknown rather than wrap around.
            return Math.abs(v) > Long.MAX_VALUE / 1000L ? null : v * 1000L;
          }
          if (ts.getUnit() == TimeUnit.NANOS) {
            return Math.floorDiv(v, 1000L);
          }
        }
        return v;
      }
      case DECIMAL: {
        int scale = ((DecimalLogicalTypeAnnotation) l).getScale();
        if (stat instanceof Binary bin) {
          byte[] bytes = bin.getBytes();
          return new BigDecimal(bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes), scale);
        }
        return BigDecimal.valueOf(((Number) stat).longValue(), scale);
      }
      case DOUBLE:
        return ((Number) stat).doubleValue();
      case BOOLEAN:
        return stat;
      case STRING:
        return ((Binary) stat).getBytes();
      default:
        return null;
    }
  }
}
