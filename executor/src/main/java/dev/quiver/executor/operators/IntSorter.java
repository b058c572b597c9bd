package dev.quiver.executor.operators;

/**
 * Sorts an int[] of row indexes with a comparator over rows, without boxing: a stable merge sort (stable so
 * that rows with equal keys keep their input order, as Spark's sort does for each partition).
 */
public final class IntSorter {
  /** Compares two row indexes. */
  @FunctionalInterface
  public interface IntComparator {
    int compare(int a, int b);
  }

  private IntSorter() {}

  public static void sort(int[] a, int from, int to, IntComparator cmp) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    mergeSort(a, tmp, from, to, cmp);
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, IntComparator cmp) {
    int n = to - from;
    if (n <= 24) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && cmp.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, cmp);
    mergeSort(a, tmp, mid, to, cmp);
    if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, 0, n);
    int i = 0;
    int j = mid - from;
    int leftEnd = mid - from;
    int k = from;
    while (i < leftEnd && j < n) {
      a[k++] = cmp.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
    }
    while (i < leftEnd) {
      a[k++] = tmp[i++];
    }
    while (j < n) {
      a[k++] = tmp[j++];
    }
  }
}
