package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/** The bulk hybrid decoder against parquet-mr's encoder, for every bit width and mixes of runs. */
class RleBitPackedDecoderTest {
  private static byte[] encode(int bitWidth, int[] values) throws IOException {
    try (RunLengthBitPackingHybridEncoder enc =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 64 * 1024, HeapByteBufferAllocator.getInstance())) {
      for (int v : values) {
        enc.writeInt(v);
      }
      return enc.toBytes().toByteArray();
    }
  }

  private static int[] sample(Random rnd, int bitWidth, int n) {
    int[] values = new int[n];
    long bound = 1L << bitWidth;
    int i = 0;
    while (i < n) {
      // Alternate long repeats (RLE runs) with noise (bit-packed runs).
      int len = Math.min(n - i, 1 + rnd.nextInt(40));
      boolean repeat = rnd.nextBoolean();
      int v = (int) (rnd.nextLong() & (bound - 1));
      for (int k = 0; k < len; k++) {
        values[i++] = repeat ? v : (int) (rnd.nextLong() & (bound - 1));
      }
    }
    return values;
  }

  @Test
  void recognisesAPageOfOneRunAndOtherwiseReadsOnUnchanged() throws IOException {
    int[] allOnes = new int[1000];
    Arrays.fill(allOnes, 1);
    byte[] oneRun = encode(1, allOnes);
    assertTrue(
        new RleBitPackedDecoder(oneRun, 0, oneRun.length, 1).startsWithRunOf(1, 1000));
    assertFalse(
        new RleBitPackedDecoder(oneRun, 0, oneRun.length, 1).startsWithRunOf(0, 1000), "another value");
    assertFalse(
        new RleBitPackedDecoder(oneRun, 0, oneRun.length, 1).startsWithRunOf(1, 1001), "a longer page");

    int[] mixed = sample(new Random(7), 1, 1000);
    mixed[0] = 1;
    mixed[1] = 0;
    byte[] bytes = encode(1, mixed);
    RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, bytes.length, 1);
    assertFalse(d.startsWithRunOf(1, 1000));
    int[] out = new int[mixed.length];
    d.readInts(out, 0, out.length);
    assertArrayEquals(mixed, out);
  }

  @Test
  void decodesWhatParquetMrEncodes() throws IOException {
    Random rnd = new Random(42);
    for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
      int[] values = bitWidth == 0 ? new int[777] : sample(rnd, Math.min(bitWidth, 31), 777);
      if (bitWidth == 32) {
        values[3] = -1;
        values[4] = Integer.MIN_VALUE;
      }
      byte[] bytes = encode(bitWidth, values);
      // Read in uneven chunks to cross run boundaries at every offset.
      RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, bytes.length, bitWidth);
      int[] out = new int[values.length];
      int pos = 0;
      int step = 1;
      while (pos < values.length) {
        int n = Math.min(step, values.length - pos);
        d.readInts(out, pos, n);
        pos += n;
        step = step % 13 + 1;
      }
      assertArrayEquals(values, out, "bit width " + bitWidth);
    }
  }

  /**
   * Long bit-packed runs, read in large chunks, go through the bulk unpacking: at every width, with the data
   * ending exactly at the end of the array (the last groups' 8-byte reads would pass it) and inside a larger
   * array whose bytes after the data are all ones (they must not leak into values).
   */
  @Test
  void unpacksLongBitPackedRunsUpToTheDataEnd() throws IOException {
    Random rnd = new Random(11);
    for (int bitWidth = 1; bitWidth <= 32; bitWidth++) {
      int[] values = new int[4099];
      for (int i = 0; i < values.length; i++) {
        values[i] = (int) (rnd.nextLong() & ((1L << bitWidth) - 1));
      }
      byte[] exact = encode(bitWidth, values);
      byte[] padded = Arrays.copyOf(exact, exact.length + 40);
      Arrays.fill(padded, exact.length, padded.length, (byte) 0xff);
      for (byte[] bytes : List.of(exact, padded)) {
        RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, exact.length, bitWidth);
        int[] out = new int[values.length];
        d.readInts(out, 0, 1000);
        d.readInts(out, 1000, values.length - 1000);
        assertArrayEquals(values, out, "bit width " + bitWidth + ", array of " + bytes.length);
      }
    }
  }

  /**
   * A bit-packed run claiming more groups than its data holds reads the missing groups as padding, and never
   * writes outside the range asked for, also after a skip past the data.
   */
  @Test
  void aRunLongerThanItsDataNeverWritesOutsideTheRangeAskedFor() {
    byte[] bytes = new byte[100];
    bytes[0] = 0x09; // a bit-packed run of 4 groups of 8 one-bit values
    bytes[1] = (byte) 0xff; // but only the first group's byte before the end
    RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, 2, 1);
    int[] out = new int[32];
    Arrays.fill(out, 5);
    d.readInts(out, 0, 8);
    d.readInts(out, 8, 8);
    d.readInts(out, 16, 8);
    int[] expected = new int[32];
    Arrays.fill(expected, 0, 8, 1);
    Arrays.fill(expected, 24, 32, 5);
    assertArrayEquals(expected, out);

    bytes[0] = (byte) 0xc9; // 100 groups
    bytes[1] = 0x01;
    RleBitPackedDecoder skipped = new RleBitPackedDecoder(bytes, 0, 3, 1);
    skipped.skip(80);
    int[] after = new int[16];
    Arrays.fill(after, 5);
    skipped.readInts(after, 4, 8);
    assertArrayEquals(new int[] {5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5}, after);
  }

  @Test
  void skipsAcrossRuns() throws IOException {
    int[] values = sample(new Random(3), 5, 1000);
    byte[] bytes = encode(5, values);
    RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, bytes.length, 5);
    int[] out = new int[10];
    int pos = 0;
    while (pos + 10 + 17 <= values.length) {
      d.skip(17);
      pos += 17;
      d.readInts(out, 0, 10);
      assertArrayEquals(Arrays.copyOfRange(values, pos, pos + 10), out, "at " + pos);
      pos += 10;
    }
  }

  @Test
  void readingPastTheDataIsADecodingError() throws IOException {
    byte[] bytes = encode(3, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
    RleBitPackedDecoder d = new RleBitPackedDecoder(bytes, 0, bytes.length, 3);
    assertThrows(ParquetDecodingException.class, () -> d.readInts(new int[100], 0, 100));
  }
}
