package dev.quiver.executor.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the scratch directories of task processes (shuffle files of a finished job, a stopped process's). */
public final class ScratchDirs {
  private static final Logger LOG = LoggerFactory.getLogger(ScratchDirs.class);

  private ScratchDirs() {}

  /** Deletes {@code dir} and everything below it; what cannot be deleted is logged, not thrown. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("Could not list {}", dir, e);
    }
  }
}
