/** Rule-based logical optimization: one rule per class, run in ordered batches by {@link dev.quiver.planner.optimizer.Optimizer}. */
package dev.quiver.planner.optimizer;
