package dev.quiver.formats.parquet;

import java.util.Arrays;

/** The repetition and definition levels of one leaf column for one batch of records. */
final class LevelBuffer {
  int[] rep = new int[1024];
  int[] def = new int[1024];
  int size;

  void clear() {
    size = 0;
  }

  void add(int r, int d) {
    if (size == rep.length) {
      rep = Arrays.copyOf(rep, size * 2);
      def = Arrays.copyOf(def, size * 2);
    }
    rep[size] = r;
    def[size] = d;
    size++;
  }
}
