package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSorterTest {
  @Test
  void randomArraysSortLikeArraysSort() {
    Random r = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = round < 50 ? round : r.nextInt(5000);
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = round % 3 == 0 ? r.nextInt() : r.nextInt(Math.max(1, n / 4));
      }
      int[] a = values.clone();
      IntSorter.sort(a, 0, n, Integer::compare);
      int[] expected = values.clone();
      Arrays.sort(expected);
      assertArrayEquals(expected, a, "round " + round);
    }
  }

  @Test
  void sortingIndexesByKeyIsStable() {
    Random r = new Random(11);
    for (int n : new int[] {2, 24, 25, 100, 1000, 10_000}) {
      int[] key = new int[n];
      for (int i = 0; i < n; i++) {
        key[i] = r.nextInt(10);
      }
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      IntSorter.sort(idx, 0, n, (x, y) -> Integer.compare(key[x], key[y]));
      // The reference: Java's stable sort of boxed indexes.
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, Comparator.comparingInt(i -> key[i]));
      assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), idx, "n=" + n);
      for (int i = 1; i < n; i++) {
        assertTrue(key[idx[i - 1]] < key[idx[i]] || idx[i - 1] < idx[i], "equal keys keep input order");
      }
    }
  }

  @Test
  void descendingAndAlreadySortedInputs() {
    int n = 3000;
    int[] asc = new int[n];
    int[] desc = new int[n];
    for (int i = 0; i < n; i++) {
      asc[i] = i;
      desc[i] = n - i;
    }
    int[] a = asc.clone();
    IntSorter.sort(a, 0, n, Integer::compare);
    assertArrayEquals(asc, a);
    int[] d = desc.clone();
    IntSorter.sort(d, 0, n, Integer::compare);
    int[] expected = desc.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, d);
    int[] rev = asc.clone();
    IntSorter.sort(rev, 0, n, (x, y) -> Integer.compare(y, x));
    assertArrayEquals(Arrays.stream(desc).map(v -> v - 1).toArray(), rev);
  }

  @Test
  void onlyTheGivenRangeIsSorted() {
    int[] a = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    IntSorter.sort(a, 2, 7, Integer::compare);
    assertArrayEquals(new int[] {9, 8, 3, 4, 5, 6, 7, 2, 1, 0}, a);
    int[] b = new int[100];
    for (int i = 0; i < 100; i++) {
      b[i] = 100 - i;
    }
    int[] before = b.clone();
    IntSorter.sort(b, 10, 90, Integer::compare);
    for (int i = 0; i < 10; i++) {
      assertTrue(b[i] == before[i] && b[99 - i] == before[99 - i]);
    }
    for (int i = 11; i < 90; i++) {
      assertTrue(b[i - 1] <= b[i]);
    }
    IntSorter.sort(b, 5, 5, Integer::compare); // empty range
    IntSorter.sort(new int[0], 0, 0, Integer::compare);
  }
}
