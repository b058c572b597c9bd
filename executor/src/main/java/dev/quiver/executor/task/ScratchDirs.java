package dev.quiver.executor.task;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** Deleting walks again this many times when files vanished under the walk. */
  private static final int WALKS = 5;

  /**
   * Deletes {@code dir} and everything below it; what cannot be deleted is logged, not thrown. Another deletion
   * of the same tree may run at once (a stopping session and a finishing job): a walk that finds a file gone,
   * or a directory not yet empty, starts over, up to {@link #WALKS} times; what is left then is logged.
   */
  public static void deleteRecursively(Path dir) {
    for (int walk = 0; walk < WALKS && Files.exists(dir); walk++) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            LOG.debug("Could not delete {}", p, e);
          }
        });
      } catch (IOException | UncheckedIOException e) {
        LOG.debug("Could not list {}; walking it again", dir, e);
      }
      if (Files.exists(dir) && walk + 1 < WALKS) {
        pause();
      }
    }
    if (Files.exists(dir)) {
      LOG.warn("Could not delete all of {}; delete it by hand", dir);
    }
  }

  /** Gives a concurrent deletion of the same tree a moment to finish before walking again. */
  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
