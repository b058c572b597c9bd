package dev.quiver.executor.shuffle;

import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/** Reads one reduce partition from map outputs on this machine's disk, skipping maps with no rows for it. */
public final class LocalShuffleRead {
  private LocalShuffleRead() {}

  public static Operator open(List<TaskOutcome.MapOutput> mapOutputs, int partition, BufferAllocator allocator,
      Supplier<String> description) {
    List<ShuffleBlockReader.BlockSource> blocks = new ArrayList<>();
    for (TaskOutcome.MapOutput m : mapOutputs) {
      if (m.partitionRows()[partition] == 0) {
        continue;
      }
      blocks.add(LocalBlocks.range(Path.of(m.dataFile()), Path.of(m.indexFile()), m.partitionBytes().length,
          partition));
    }
    return new ShuffleBlockReader(blocks, allocator, description);
  }
}
