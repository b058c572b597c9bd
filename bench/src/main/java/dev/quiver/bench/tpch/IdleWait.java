package dev.quiver.bench.tpch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Waits, before an engine's timed run, until the other engines' JVMs have gone quiet: after a query a JVM keeps
 * compiling and collecting for a while (Spark's for seconds), and on two cores that work would be timed as part
 * of the next engine's run. Reads each process's CPU time from {@code /proc}; where there is none, does not wait.
 */
final class IdleWait {
  /** How long a quiet spell must last. */
  private static final long WINDOW_MS = 100;
  /** CPU time the other processes may use within a window and still count as quiet (a tenth of a core). */
  private static final long QUIET_TICKS = 1;
  /** The longest wait: a process busy on its own (a daemon thread) must not stall the benchmark. */
  private static final long MAX_WAIT_MS = 3000;

  private IdleWait() {}

  /** Returns once {@code pids} together used at most a tenth of a core over {@value #WINDOW_MS} ms, or after 3 s. */
  static void forQuiet(List<Long> pids) throws InterruptedException {
    if (pids.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + MAX_WAIT_MS * 1_000_000;
    long before = totalTicks(pids);
    while (before >= 0 && System.nanoTime() < deadline) {
      Thread.sleep(WINDOW_MS);
      long after = totalTicks(pids);
      if (after < 0 || after - before <= QUIET_TICKS) {
        return;
      }
      before = after;
    }
  }

  private static long totalTicks(List<Long> pids) {
    long total = 0;
    for (long pid : pids) {
      OptionalLong ticks = cpuTicks(pid);
      if (ticks.isEmpty()) {
        return -1;
      }
      total += ticks.getAsLong();
    }
    return total;
  }

  private static OptionalLong cpuTicks(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * User plus system CPU time, in clock ticks, of a {@code /proc/<pid>/stat} line (fields 14 and 15; the
   * command name in field 2 is parenthesized and may hold spaces and parentheses itself).
   */
  static OptionalLong cpuTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return OptionalLong.empty();
    }
    String[] fields = stat.substring(end + 1).trim().split("\\s+");
    if (fields.length < 13) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
  }
}
