package dev.quiver.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many partitions a shuffle gets from its input's estimated size. */
class PlanningSettingsTest {
  private static final long MB = 1024 * 1024;

  @Test
  void smallInputsShuffleIntoOnePartitionAndLargeOnesIntoOnePer64Mb() {
    PlanningSettings s = PlanningSettings.defaults(2);
    assertEquals(1, s.shufflePartitionsFor(10 * MB));
    assertEquals(2, s.shufflePartitionsFor(20 * MB));
    assertEquals(4, s.shufflePartitionsFor(256 * MB));
    assertEquals(200, s.shufflePartitionsFor(1L << 40));
  }

  @Test
  void aShuffleWhoseReaderDoesTheWorkGetsACorePerPartitionFromOneMegabyte() {
    PlanningSettings s = PlanningSettings.defaults(4);
    assertEquals(1, s.spreadPartitionsFor(MB - 1));
    assertEquals(4, s.spreadPartitionsFor(MB));
    assertEquals(4, s.spreadPartitionsFor(10 * MB));
    assertEquals(5, s.spreadPartitionsFor(300 * MB));
  }

  @Test
  void aFixedPartitionCountIsKeptEvenForSmallInputs() {
    PlanningSettings s = new PlanningSettings(4, 3, 10 * MB, 64 * MB);
    assertEquals(3, s.shufflePartitionsFor(1));
    assertEquals(3, s.spreadPartitionsFor(1));
    assertEquals(3, s.spreadPartitionsFor(10 * MB));
  }
}
