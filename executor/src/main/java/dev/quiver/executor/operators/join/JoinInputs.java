package dev.quiver.executor.operators.join;

import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.planner.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/** The two inputs of a join seen as left/right and as stream/build, and their release on failed setup. */
final class JoinInputs {
  private JoinInputs() {}

  /** Left output ++ right output: the columns a join condition is bound to. */
  static List<AttributeReference> joined(JoinSemantics s, List<AttributeReference> streamOutput,
      List<AttributeReference> buildOutput) {
    List<AttributeReference> out = new ArrayList<>(s.streamIsLeft() ? streamOutput : buildOutput);
    out.addAll(s.streamIsLeft() ? buildOutput : streamOutput);
    return out;
  }

  /** Closes the inputs a join would have owned, when building the join itself failed. */
  static void closeOnFailure(Operator streamInput, BuildInput build, RuntimeException failure) {
    List<AutoCloseable> owned = new ArrayList<>();
    owned.add(streamInput);
    if (build instanceof BuildInput.Owned own) {
      owned.add(own.operator());
    }
    try {
      Operators.closeAll(owned);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
