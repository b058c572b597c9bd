package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared support for operator tests: a fresh allocator per test that must be empty when the test ends (a
 * leaked buffer fails it), operators registered with {@link #track} closed after every test even when it
 * failed, batches built from Java values (Quiver's internal forms) and outputs read back as Java lists.
 */
public abstract class OperatorTestBase {
  protected static final String TASK = "task 3.0 of stage 1 (job 7)";
  protected BufferAllocator allocator;
  private final List<AutoCloseable> tracked = new ArrayList<>();

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator(256L * 1024 * 1024);
  }

  @AfterEach
  void closeEverything() throws Exception {
    try {
      Collections.reverse(tracked);
      for (AutoCloseable c : tracked) {
        c.close();
      }
      tracked.clear();
    } finally {
      allocator.close();
    }
  }

  /** Closes {@code c} after the test (again, if the test closed it already: closing must be idempotent). */
  protected <T extends AutoCloseable> T track(T c) {
    tracked.add(c);
    return c;
  }

  protected TaskContext ctx(int batchSize) {
    return ctx(allocator, batchSize, null);
  }

  protected TaskContext ctx(BufferAllocator a, int batchSize, TaskInputs inputs) {
    return new TaskContext(TASK, a, new EvalContext(a, ZoneOffset.UTC, 0L), inputs, batchSize, 0);
  }

  protected static AttributeReference attr(String name, DataType type) {
    return AttributeReference.create(name, type, true);
  }

  protected static Object[] row(Object... values) {
    return values;
  }

  /** A batch of {@code rows} with the schema's types. */
  protected Batch batch(List<AttributeReference> schema, List<Object[]> rows) {
    return batch(schema, rows, allocator);
  }

  protected static Batch batch(List<AttributeReference> schema, List<Object[]> rows, BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>();
    try {
      for (int c = 0; c < schema.size(); c++) {
        AttributeReference a = schema.get(c);
        FieldVector v = Vectors.create(a.name(), a.dataType(), allocator);
        cols.add(v);
        v.setInitialCapacity(Math.max(rows.size(), 1));
        v.allocateNew();
        for (int r = 0; r < rows.size(); r++) {
          InternalValues.write(v, r, rows.get(r)[c]);
        }
        v.setValueCount(rows.size());
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    return new Batch(cols, rows.size());
  }

  /** An operator yielding {@code rows} in batches of {@code rowsPerBatch}. */
  protected SourceOperator source(List<AttributeReference> schema, int rowsPerBatch, List<Object[]> rows) {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += rowsPerBatch) {
      batches.add(batch(schema, rows.subList(i, Math.min(rows.size(), i + rowsPerBatch))));
    }
    return track(new SourceOperator(batches));
  }

  /**
   * An operator building each batch of {@code rowsPerBatch} rows from {@code allocator} only when asked, as a
   * task's shuffle read allocates from the task's allocator.
   */
  protected Operator lazySource(List<AttributeReference> schema, int rowsPerBatch, List<Object[]> rows,
      BufferAllocator allocator) {
    return track(new Operator() {
      private int at;

      @Override
      public Batch next() {
        if (at >= rows.size()) {
          return null;
        }
        int end = Math.min(rows.size(), at + rowsPerBatch);
        Batch b = batch(schema, rows.subList(at, end), allocator);
        at = end;
        return b;
      }

      @Override
      public void close() {
        at = rows.size();
      }
    });
  }

  protected SourceOperator source(List<AttributeReference> schema, Object[]... rows) {
    return source(schema, Math.max(rows.length, 1), Arrays.asList(rows));
  }

  /** Drains {@code op} (then closes it), returning every row as a list of internal values. */
  protected List<List<Object>> collect(Operator op) {
    return collect(op, null);
  }

  /** Like {@link #collect(Operator)}; also records each output batch's row count. */
  protected List<List<Object>> collect(Operator op, List<Integer> batchSizes) {
    track(op);
    List<List<Object>> rows = new ArrayList<>();
    try (op) {
      Batch next;
      while ((next = op.next()) != null) {
        try (Batch b = next) {
          if (batchSizes != null) {
            batchSizes.add(b.rowCount());
          }
          for (int r = 0; r < b.rowCount(); r++) {
            List<Object> values = new ArrayList<>(b.numColumns());
            for (int c = 0; c < b.numColumns(); c++) {
              values.add(InternalValues.read(b.column(c), r));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }

  /** Yields prepared batches once; closes those not handed out. */
  public static final class SourceOperator implements Operator {
    private final List<Batch> batches;
    private int next;
    private boolean closed;

    public SourceOperator(List<Batch> batches) {
      this.batches = new ArrayList<>(batches);
    }

    @Override
    public Batch next() {
      if (closed || next >= batches.size()) {
        return null;
      }
      return batches.set(next++, null);
    }

    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (Batch b : batches) {
        if (b != null) {
          b.close();
        }
      }
    }
  }
}
