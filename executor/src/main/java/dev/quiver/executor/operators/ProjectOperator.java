package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Evaluates the project list over each input batch. */
public final class ProjectOperator implements Operator {
  private final Operator child;
  private final List<VectorEvaluator> evaluators;
  private final TaskContext ctx;

  public ProjectOperator(Operator child, List<VectorEvaluator> evaluators, TaskContext ctx) {
    this.child = child;
    this.evaluators = evaluators;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    try (Batch in = child.next()) {
      if (in == null) {
        return null;
      }
      List<FieldVector> out = new ArrayList<>(evaluators.size());
      try {
        for (VectorEvaluator e : evaluators) {
          out.add(e.evaluate(in, ctx.evalContext()));
        }
      } catch (RuntimeException e) {
        out.forEach(FieldVector::close);
        throw e;
      }
      return new Batch(out, in.rowCount());
    }
  }

  @Override
  public void close() {
    child.close();
  }
}
