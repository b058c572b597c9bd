package dev.quiver.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IdleWaitTest {
  @Test
  void readsUserAndSystemTicksPastACommandNameWithSpacesAndParentheses() {
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 3 0 1234 567 0 0 20 0 40 0 99 0 0";
    assertEquals(OptionalLong.of(1234 + 567), IdleWait.cpuTicks(stat));
    assertEquals(OptionalLong.empty(), IdleWait.cpuTicks("garbage"));
    assertEquals(OptionalLong.empty(), IdleWait.cpuTicks("1 (short) S 1 2"));
  }

  @Test
  void aProcessWhoseCpuTimeCannotBeReadHoldsNothingUp() throws InterruptedException {
    // An unknown pid (or no /proc): no waiting at all.
    long start = System.nanoTime();
    IdleWait.forQuiet(List.of(Long.MAX_VALUE));
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1000);
  }
}
