package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code value IN (list)}: true if equal to an element; otherwise null if the value or any element compared
 * is null; otherwise false. Like Spark, elements are tried in order and only for rows not yet matched, so a
 * failing element after a match is never evaluated. Constant lists compare word-at-a-time per element, or,
 * for more than {@value #HASH_THRESHOLD} integer or string constants, probe a primitive hash set.
 */
public final class InEvaluator extends Evaluator {
  private static final int HASH_THRESHOLD = 8;

  private final Evaluator value;
  private final List<LazyChild> list;
  private final boolean constantList;
  private final DataType type;
  /** Hash path state: built at the first batch; null set when not applicable. */
  private boolean hashTried;
  private LongHashSet longSet;
  private BytesHashSet bytesSet;
  private boolean listHasNull;

  private InEvaluator(Evaluator value, List<LazyChild> list) {
    super(DataTypes.BooleanType);
    this.value = value;
    this.list = List.copyOf(list);
    this.type = value.dataType();
    boolean allConstant = true;
    for (LazyChild c : list) {
      allConstant &= c.evaluator().isConstant();
    }
    this.constantList = allConstant;
  }

  public static Evaluator compile(Evaluator value, List<LazyChild> list) {
    return new InEvaluator(value, list);
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.bits(0, ctx.allocator());
    }
    int words = Math.max(Bits.words(n), 1);
    if (list.isEmpty()) {
      long[] all = new long[words];
      Bits.setAll(all, n);
      return Results.bits(all, new long[words], n, ctx.allocator());
    }
    try (Operand v = Operand.of(value, input, ctx)) {
      if (v.isNull()) {
        return Results.nulls(DataTypes.BooleanType, n, ctx.allocator());
      }
      long[] valueValid = Operand.and(n, v);
      long[] matched = new long[words];
      long[] nullSeen = new long[words];
      if (constantList && !v.isConstant() && useHash(ctx)) {
        probe(v, n, valueValid, matched);
        if (listHasNull) {
          System.arraycopy(valueValid, 0, nullSeen, 0, words);
        }
      } else if (constantList) {
        sequentialConstants(v, input, ctx, n, valueValid, matched, nullSeen);
      } else {
        sequential(v, input, ctx, n, valueValid, matched, nullSeen);
      }
      long[] valid = new long[words];
      for (int w = 0; w < words; w++) {
        valid[w] = matched[w] | (valueValid[w] & ~nullSeen[w]);
      }
      return Results.bits(valid, matched, n, ctx.allocator());
    }
  }

  /** Compares with each constant in turn, only while some valid row is still unmatched. */
  private void sequentialConstants(Operand v, Batch input, EvalContext ctx, int n, long[] valueValid,
      long[] matched, long[] nullSeen) {
    int words = matched.length;
    long[] remaining = valueValid.clone();
    long[] eq = new long[words];
    for (LazyChild element : list) {
      if (Bits.count(remaining, n) == 0) {
        break;
      }
      try (Operand c = Operand.of(element.evaluator(), input, ctx)) {
        if (c.isNull()) {
          for (int w = 0; w < words; w++) {
            nullSeen[w] |= remaining[w];
          }
          continue;
        }
        java.util.Arrays.fill(eq, 0L);
        Comparisons.equalWords(type, v, c, n, eq);
        for (int w = 0; w < words; w++) {
          long hit = eq[w] & remaining[w];
          matched[w] |= hit;
          remaining[w] &= ~hit;
        }
      }
    }
  }

  /** Elements that read columns: each is evaluated only for the rows still unmatched. */
  private void sequential(Operand v, Batch input, EvalContext ctx, int n, long[] valueValid, long[] matched,
      long[] nullSeen) {
    long[] remaining = valueValid.clone();
    int[] idx = new int[n];
    for (LazyChild element : list) {
      int k = Bits.indices(remaining, n, idx);
      if (k == 0) {
        break;
      }
      try (LazyChild.Partial p = element.on(input, ctx, idx, k)) {
        FieldVector ev = p.vector();
        for (int j = 0; j < k; j++) {
          int i = idx[j];
          Object e = InternalValues.read(ev, p.row(j, idx));
          if (e == null) {
            Bits.set(nullSeen, i);
            continue;
          }
          Object x = v.isConstant() ? v.constant : InternalValues.read(v.vector, i);
          if (ValueOrdering.equal(x, e, type)) {
            Bits.set(matched, i);
            remaining[i >>> 6] &= ~(1L << i);
          }
        }
      }
    }
  }

  private boolean useHash(EvalContext ctx) {
    if (!hashTried) {
      hashTried = true;
      // Strings always probe the set: one pass where the length check rejects most rows, not a full
      // string comparison per constant.
      if (list.size() > HASH_THRESHOLD && integralWidth() > 0 || isBytes()) {
        buildSet(ctx);
      }
    }
    return longSet != null || bytesSet != null;
  }

  private int integralWidth() {
    if (type instanceof IntegerType || type instanceof DateType) {
      return 4;
    }
    if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      return 8;
    }
    if (type instanceof ShortType) {
      return 2;
    }
    return type instanceof ByteType ? 1 : 0;
  }

  private boolean isBytes() {
    return type instanceof StringType || type instanceof BinaryType;
  }

  private void buildSet(EvalContext ctx) {
    LongHashSet longs = integralWidth() > 0 ? new LongHashSet(list.size()) : null;
    BytesHashSet bytes = isBytes() ? new BytesHashSet(list.size()) : null;
    boolean hasNull = false;
    for (LazyChild element : list) {
      Object c;
      try {
        c = element.evaluator().constant(ctx);
      } catch (RuntimeException e) {
        // A failing constant must only fail rows that reach it: leave it to the sequential path.
        return;
      }
      if (c == null) {
        hasNull = true;
      } else if (longs != null) {
        longs.add(((Number) c).longValue());
      } else {
        bytes.add(c instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) c);
      }
    }
    longSet = longs;
    bytesSet = bytes;
    listHasNull = hasNull;
  }

  private void probe(Operand v, int n, long[] valueValid, long[] matched) {
    if (longSet != null) {
      int width = integralWidth();
      for (int i = 0; i < n; i++) {
        long a = v.data + (long) width * i;
        long x = switch (width) {
          case 1 -> MemoryUtil.getByte(a);
          case 2 -> MemoryUtil.getShort(a);
          case 4 -> MemoryUtil.getInt(a);
          default -> MemoryUtil.getLong(a);
        };
        if (longSet.contains(x)) {
          Bits.set(matched, i);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        int s = v.start(i);
        if (bytesSet.contains(v.data + s, v.end(i) - s)) {
          Bits.set(matched, i);
        }
      }
    }
    for (int w = 0; w < matched.length; w++) {
      matched[w] &= valueValid[w];
    }
  }

  @Override
  public void close() {
    value.close();
    for (LazyChild c : list) {
      c.close();
    }
  }
}
