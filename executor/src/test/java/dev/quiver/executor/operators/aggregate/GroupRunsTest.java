package dev.quiver.executor.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupRunsTest {
  @Test
  void listsEachTouchedGroupOnceWithItsRowsInInputOrder() {
    int[] groupIds = {2, 0, 2, 2, 5, 0, 2};
    GroupRuns runs = new GroupRuns().sort(groupIds, groupIds.length, 6);
    assertEquals(3, runs.count());
    assertEquals(List.of(0, 2, 5), List.of(runs.group(0), runs.group(1), runs.group(2)));
    assertArrayEquals(new int[] {1, 5}, rowsOf(runs, 0));
    assertArrayEquals(new int[] {0, 2, 3, 6}, rowsOf(runs, 1));
    assertArrayEquals(new int[] {4}, rowsOf(runs, 2));
  }

  @Test
  void reusedForBatchesOfOtherSizesAndGroupCounts() {
    Random rnd = new Random(3);
    GroupRuns runs = new GroupRuns();
    for (int round = 0; round < 50; round++) {
      int groups = 1 + rnd.nextInt(GroupRuns.MAX_GROUPS);
      int n = rnd.nextInt(3000);
      int[] ids = new int[n];
      for (int r = 0; r < n; r++) {
        ids[r] = rnd.nextInt(groups);
      }
      runs.sort(ids, n, groups);
      int seen = 0;
      int previousGroup = -1;
      for (int k = 0; k < runs.count(); k++) {
        int g = runs.group(k);
        assertTrue(g > previousGroup, "groups ascend");
        previousGroup = g;
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < n; r++) {
          if (ids[r] == g) {
            expected.add(r);
          }
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), rowsOf(runs, k));
        seen += expected.size();
      }
      assertEquals(n, seen, "every row in exactly one run");
    }
  }

  @Test
  void onlyBatchesOfEnoughRowsOverFewGroupsAreWorthSorting() {
    assertTrue(GroupRuns.worthwhile(GroupRuns.MIN_ROWS, GroupRuns.MAX_GROUPS));
    assertFalse(GroupRuns.worthwhile(GroupRuns.MIN_ROWS - 1, 1));
    assertFalse(GroupRuns.worthwhile(8192, GroupRuns.MAX_GROUPS + 1));
    assertThrows(IllegalArgumentException.class, () -> new GroupRuns().sort(new int[0], 0, GroupRuns.MAX_GROUPS + 1));
  }

  private static int[] rowsOf(GroupRuns runs, int k) {
    int[] out = new int[runs.end(k) - runs.start(k)];
    System.arraycopy(runs.rows(), runs.start(k), out, 0, out.length);
    return out;
  }
}
