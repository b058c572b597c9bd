package dev.quiver.formats.parquet;

import dev.quiver.formats.KeySet;
import dev.quiver.formats.SourceFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A reader's {@link SourceFilter.KeysIn} filters: join build keys a batch's rows are judged by after the
 * pushed filters ({@link RowFilter}), reading only the key columns first, so the other columns are decoded
 * only for rows whose keys have a match. Smaller key sets are judged first, and each later one only for the
 * rows still kept. A filter that, once it has judged {@link #TRIAL_ROWS} rows, has kept nearly all the rows it
 * judged so far (checked after each batch) is dropped for the rest of the reader: it would only add a lookup
 * per row to the join's own.
 */
final class KeyColumnFilters {
  /** Rows a filter judges before the reader first asks whether it is worth keeping. */
  private static final int TRIAL_ROWS = 16_384;
  /** A filter keeping more than this share of all the rows it has judged is dropped. */
  private static final double KEEPS_TOO_MANY = 0.9;

  private static final class KeyFilter {
    final int column;
    final KeySet keys;
    long judged;
    long kept;
    boolean active = true;

    KeyFilter(int column, KeySet keys) {
      this.column = column;
      this.keys = keys;
    }
  }

  private final List<KeyFilter> filters;

  private KeyColumnFilters(List<KeyFilter> filters) {
    this.filters = filters;
  }

  /**
   * The key filters among {@code filters} on flat int, date or bigint columns that {@code rowFilterColumns}
   * (read coded by the row filter) do not hold, or null when there are none.
   */
  static KeyColumnFilters of(List<SourceFilter> filters, List<Field> fields, boolean[] flat,
      Set<Integer> rowFilterColumns) {
    List<KeyFilter> out = new ArrayList<>();
    for (SourceFilter f : filters == null ? List.<SourceFilter>of() : filters) {
      if (f instanceof SourceFilter.KeysIn k) {
        int c = RowFilter.column(k.column(), fields, flat);
        RowFilter.Kind kind = c < 0 ? RowFilter.Kind.OTHER : RowFilter.kind(fields.get(c));
        if ((kind == RowFilter.Kind.INT || kind == RowFilter.Kind.LONG) && !rowFilterColumns.contains(c)) {
          out.add(new KeyFilter(c, k.keys()));
        }
      }
    }
    out.sort(Comparator.comparingInt(k -> k.keys.sizeBound()));
    return out.isEmpty() ? null : new KeyColumnFilters(out);
  }

  /** Whether some filter is still judged. */
  boolean active() {
    for (KeyFilter f : filters) {
      if (f.active) {
        return true;
      }
    }
    return false;
  }

  /** The columns the active filters read, each once, ascending. */
  int[] columns() {
    return filters.stream().filter(f -> f.active).mapToInt(f -> f.column).distinct().sorted().toArray();
  }

  /**
   * Clears in {@code keep} the rows whose key some active filter lacks (a null key is never in a set).
   * {@code byColumn[c]} holds column c's values of the rows set in {@code keep} as it is on entry, in order.
   * Returns how many rows stay set.
   */
  int apply(FieldVector[] byColumn, long[] keep, int rows) {
    int words = (rows + 63) >>> 6;
    long[] entry = java.util.Arrays.copyOf(keep, words);
    for (KeyFilter f : filters) {
      if (!f.active) {
        continue;
      }
      FieldVector v = byColumn[f.column];
      boolean wide = v instanceof BigIntVector;
      long data = ((BaseFixedWidthVector) v).getDataBufferAddress();
      long judged = 0;
      long kept = 0;
      int i = 0;
      for (int w = 0; w < words; w++) {
        long word = entry[w];
        long still = keep[w];
        while (word != 0) {
          int bit = Long.numberOfTrailingZeros(word);
          word &= word - 1;
          if ((still >>> bit & 1) != 0) {
            judged++;
            long key = wide ? MemoryUtil.getLong(data + 8L * i) : MemoryUtil.getInt(data + 4L * i);
            if (!v.isNull(i) && f.keys.contains(key)) {
              kept++;
            } else {
              still &= ~(1L << bit);
            }
          }
          i++;
        }
        keep[w] = still;
      }
      f.judged += judged;
      f.kept += kept;
      if (f.judged >= TRIAL_ROWS && f.kept > f.judged * KEEPS_TOO_MANY) {
        f.active = false;
      }
    }
    int count = 0;
    for (int w = 0; w < words; w++) {
      count += Long.bitCount(keep[w]);
    }
    return count;
  }

  /**
   * Moves the values of {@code v} (one per row set in {@code before}, in order) of the rows still set in
   * {@code after} to the front, keeping their order; {@code v} then holds {@code count} values.
   */
  static void compact(FieldVector v, long[] before, long[] after, int rows, int count) {
    int width = v instanceof BigIntVector ? 8 : 4;
    assert v instanceof BigIntVector || v instanceof IntVector || v instanceof DateDayVector;
    long data = ((BaseFixedWidthVector) v).getDataBufferAddress();
    int from = 0;
    int to = 0;
    for (int w = 0, words = (rows + 63) >>> 6; w < words; w++) {
      for (long word = before[w]; word != 0; word &= word - 1) {
        int bit = Long.numberOfTrailingZeros(word);
        if ((after[w] >>> bit & 1) != 0) {
          if (to != from) {
            if (width == 8) {
              MemoryUtil.putLong(data + 8L * to, MemoryUtil.getLong(data + 8L * from));
            } else {
              MemoryUtil.putInt(data + 4L * to, MemoryUtil.getInt(data + 4L * from));
            }
            BitVectorHelper.setValidityBit(v.getValidityBuffer(), to, v.isNull(from) ? 0 : 1);
          }
          to++;
        }
        from++;
      }
    }
    v.setValueCount(count);
  }
}
