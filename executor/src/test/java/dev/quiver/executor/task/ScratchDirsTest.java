package dev.quiver.executor.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting scratch space never throws, also when something else deletes the same files meanwhile: a session
 * stopping while its job's end deletes that job's shuffle files (a file vanishing under {@code Files.walk}
 * made the query fail with a bare UncheckedIOException instead of the session's SESSION_STOPPED error).
 */
class ScratchDirsTest {
  @TempDir
  Path dir;

  @Test
  void twoDeletionsOfOneTreeAtOnceBothEndQuietly() throws Exception {
    for (int round = 0; round < 15; round++) {
      Path root = dir.resolve("local-" + round);
      for (int j = 0; j < 20; j++) {
        Path stage = Files.createDirectories(root.resolve("shuffle/job0/stage" + j));
        for (int m = 0; m < 10; m++) {
          Files.writeString(stage.resolve("map" + m + ".index"), "x");
          Files.writeString(stage.resolve("map" + m + ".data"), "y");
        }
      }
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<Throwable> a = CompletableFuture.supplyAsync(() -> delete(go, root));
      CompletableFuture<Throwable> b = CompletableFuture.supplyAsync(() -> delete(go, root.resolve("shuffle/job0")));
      go.countDown();
      assertNull(a.get(), "round " + round);
      assertNull(b.get(), "round " + round);
      assertFalse(Files.exists(root), "round " + round + ": the whole tree is gone");
    }
  }

  private static Throwable delete(CountDownLatch go, Path tree) {
    try {
      go.await();
      ScratchDirs.deleteRecursively(tree);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
