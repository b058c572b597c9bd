package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class SnappyDecoderTest {
  private static byte[] decode(byte[] compressed, int length) {
    byte[] out = new byte[length];
    SnappyDecoder.decompress(compressed, 0, compressed.length, out, length);
    return out;
  }

  private static void assertRoundTrip(byte[] data) throws IOException {
    byte[] compressed = Snappy.compress(data);
    assertArrayEquals(data, decode(compressed, data.length), data.length + " bytes");
    // At an offset inside a larger array, as pages sit in a column chunk.
    byte[] padded = new byte[compressed.length + 10];
    System.arraycopy(compressed, 0, padded, 7, compressed.length);
    byte[] out = new byte[data.length + 5];
    SnappyDecoder.decompress(padded, 7, compressed.length, out, data.length);
    assertArrayEquals(data, Arrays.copyOf(out, data.length));
  }

  @Test
  void decodesWhatSnappyJavaEncodesForEveryKindOfPage() throws IOException {
    Random rnd = new Random(42);
    for (int size : new int[] {0, 1, 7, 8, 15, 16, 17, 20, 21, 24, 31, 60, 61, 64, 65, 255, 256, 4096, 65_535,
        65_536, 65_537, 200_003, 1 << 20}) {
      byte[] random = new byte[size];
      rnd.nextBytes(random);
      assertRoundTrip(random);
      assertRoundTrip(new byte[size]);
      ByteBuffer prices = ByteBuffer.allocate(size / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer keys = ByteBuffer.allocate(size / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < size / 8; i++) {
        prices.putDouble(Math.round((900 + rnd.nextDouble() * 104_000) * 100) / 100.0);
        keys.putLong(i * 4L + (i % 7));
      }
      assertRoundTrip(prices.array());
      assertRoundTrip(keys.array());
      StringBuilder text = new StringBuilder();
      while (text.length() < size) {
        text.append(rnd.nextBoolean() ? "furiously regular " : "packages sleep ").append(rnd.nextInt(100));
      }
      assertRoundTrip(Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), size));
    }
  }

  @Test
  void repeatsPatternsOfEveryShortPeriod() throws IOException {
    // Copies closer than 8 bytes behind (period 1 to 7) take their own path; also near the end of the output.
    for (int period = 1; period <= 20; period++) {
      for (int size : new int[] {period * 3, 40, 100, 1000}) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
          data[i] = (byte) (i % period * 37 + 1);
        }
        assertRoundTrip(data);
      }
    }
  }

  @Test
  void decodesLongLiteralsAndFarCopiesWrittenByHand() {
    // Snappy's encoder never writes a literal length in 3 or 4 bytes or a 4-byte offset for a page of this
    // size, but other writers may: a literal of 70 bytes with a 1-byte length, one of 300 with a 2-byte,
    // 3-byte and 4-byte length, then a copy of 10 bytes from 300 back with a 4-byte offset.
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    int total = 70 + 300 * 3 + 10;
    writeVarint(s, total);
    byte[] expected = new byte[total];
    int at = 0;
    Random rnd = new Random(1);
    for (int[] literal : new int[][] {{70, 1}, {300, 2}, {300, 3}, {300, 4}}) {
      int n = literal[0];
      int bytes = literal[1];
      s.write((59 + bytes) << 2);
      for (int i = 0; i < bytes; i++) {
        s.write((n - 1) >>> (8 * i));
      }
      byte[] body = new byte[n];
      rnd.nextBytes(body);
      s.writeBytes(body);
      System.arraycopy(body, 0, expected, at, n);
      at += n;
    }
    s.write((10 - 1) << 2 | 3);
    s.writeBytes(new byte[] {(byte) 300, (byte) (300 >>> 8), 0, 0});
    System.arraycopy(expected, at - 300, expected, at, 10);
    assertArrayEquals(expected, decode(s.toByteArray(), total));
  }

  @Test
  void decodesFourByteOffsetsFarFromTheEnds() {
    // A copy with a 4-byte offset between two long literals, so it is decoded on the fast path.
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    byte[] first = new byte[200];
    byte[] last = new byte[200];
    new Random(3).nextBytes(first);
    new Random(4).nextBytes(last);
    writeVarint(s, 200 + 40 + 200);
    s.write(60 << 2);
    s.write(199);
    s.writeBytes(first);
    s.write((40 - 1) << 2 | 3);
    s.writeBytes(new byte[] {(byte) 150, 0, 0, 0});
    s.write(60 << 2);
    s.write(199);
    s.writeBytes(last);
    byte[] expected = new byte[440];
    System.arraycopy(first, 0, expected, 0, 200);
    System.arraycopy(first, 50, expected, 200, 40);
    System.arraycopy(last, 0, expected, 240, 200);
    assertArrayEquals(expected, decode(s.toByteArray(), 440));
  }

  @Test
  void shortElementsInTheLastBytesOfThePage() {
    // A literal within the last 16 bytes of the output, followed by enough input (eight 1-byte copies with
    // 2-byte offsets, which Snappy's own encoder never writes) that the literal could be copied 16 bytes at a
    // time if only the input were checked: it must not be.
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    writeVarint(s, 19);
    s.write(9 << 2);
    s.writeBytes("0123456789".getBytes(StandardCharsets.US_ASCII));
    s.write(0);
    s.write('y');
    for (int i = 0; i < 8; i++) {
      s.writeBytes(new byte[] {2, 2, 0});
    }
    assertArrayEquals("0123456789y9y9y9y9y".getBytes(StandardCharsets.US_ASCII), decode(s.toByteArray(), 19));
  }

  @Test
  void corruptPagesFailWithAParquetErrorWhereverTheyAreCut() throws IOException {
    Random rnd = new Random(9);
    byte[] data = new byte[3000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt() : i % 13);
    }
    byte[] compressed = Snappy.compress(data);
    for (int cut = 0; cut < compressed.length; cut++) {
      byte[] truncated = Arrays.copyOf(compressed, cut);
      assertThrows(ParquetDecodingException.class, () -> decode(truncated, data.length), "cut at " + cut);
    }
    ParquetDecodingException wrongLength = assertThrows(ParquetDecodingException.class,
        () -> decode(compressed, data.length + 1));
    assertTrue(wrongLength.getMessage().startsWith("Snappy page is corrupt: it holds 3000 bytes"),
        wrongLength.getMessage());
    // A copy from before the start of the output.
    assertThrows(ParquetDecodingException.class, () -> decode(new byte[] {8, 0x0d, 0x01, 0, 0, 0}, 8));
    // Zero distance.
    assertThrows(ParquetDecodingException.class, () -> decode(new byte[] {9, 0, 'a', 0x15, 0, 0}, 9));
  }

  @Test
  void randomlyDamagedPagesNeverReadOrWriteOutsideTheArrays() throws IOException {
    Random rnd = new Random(5);
    for (int round = 0; round < 3000; round++) {
      byte[] data = new byte[rnd.nextInt(600)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt() : i % (1 + round % 9));
      }
      byte[] damaged = Snappy.compress(data);
      for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
        damaged[rnd.nextInt(damaged.length)] = (byte) rnd.nextInt();
      }
      int length = rnd.nextInt(4) == 0 ? rnd.nextInt(700) : data.length;
      try {
        byte[] out = decode(damaged, length);
        // Whatever the damage, a page that decodes decodes as Snappy's own decoder reads it.
        assertArrayEquals(Snappy.uncompress(damaged), out);
      } catch (ParquetDecodingException expected) {
        // A clear error is the only other outcome.
      }
    }
  }

  /** Random valid streams of every element kind, decoded against the bytes they were built to give. */
  @Test
  void decodesEveryElementKindAtEveryDistanceAndPosition() {
    Random rnd = new Random(17);
    for (int round = 0; round < 400; round++) {
      int target = rnd.nextInt(round % 4 == 0 ? 200 : 3000);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] expected = new byte[target + 64];
      int op = 0;
      while (op < target) {
        int kind = op == 0 ? 0 : rnd.nextInt(4);
        int left = target - op;
        if (kind == 0) {
          int n = Math.min(left, 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 90));
          if (n <= 60 && rnd.nextInt(4) != 0) {
            body.write((n - 1) << 2);
          } else {
            body.write(60 << 2);
            body.write(n - 1);
          }
          for (int i = 0; i < n; i++) {
            expected[op + i] = (byte) rnd.nextInt();
            body.write(expected[op + i]);
          }
          op += n;
          continue;
        }
        int distance = 1 + rnd.nextInt(Math.min(op, rnd.nextBoolean() ? 20 : 3000));
        int n;
        if (kind == 1 && distance < 2048 && left >= 4) {
          n = Math.min(left, 4 + rnd.nextInt(8));
          if (n < 4) {
            continue;
          }
          body.write((distance >>> 8) << 5 | (n - 4) << 2 | 1);
          body.write(distance);
        } else if (kind == 2 && distance < 65536) {
          n = Math.min(left, 1 + rnd.nextInt(64));
          body.write((n - 1) << 2 | 2);
          body.write(distance);
          body.write(distance >>> 8);
        } else {
          n = Math.min(left, 1 + rnd.nextInt(64));
          body.write((n - 1) << 2 | 3);
          body.writeBytes(new byte[] {(byte) distance, (byte) (distance >>> 8), (byte) (distance >>> 16), 0});
        }
        for (int i = 0; i < n; i++) {
          expected[op + i] = expected[op + i - distance];
        }
        op += n;
      }
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      writeVarint(stream, target);
      stream.writeBytes(body.toByteArray());
      byte[] compressed = stream.toByteArray();
      // Dirty arrays: junk around the input, and output bytes past the page's length that must stay as they are.
      byte[] in = new byte[compressed.length + 9];
      Arrays.fill(in, (byte) 0x5a);
      System.arraycopy(compressed, 0, in, 4, compressed.length);
      byte[] out = new byte[target + 20];
      Arrays.fill(out, (byte) 0xa5);
      SnappyDecoder.decompress(in, 4, compressed.length, out, target);
      assertArrayEquals(Arrays.copyOf(expected, target), Arrays.copyOf(out, target), "round " + round);
      for (int i = target; i < out.length; i++) {
        assertEquals((byte) 0xa5, out[i], "byte " + i + " past the page, round " + round);
      }
    }
  }

  @Test
  void badElementsFailWhetherFarFromTheEndsOrAtThem() {
    byte[][] bad = {
        {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // 4-byte offset, negative
        {(byte) 0x03, (byte) 201, 0, 0, 0}, // 4-byte offset past the start
        {(byte) 0x02, 0, 0}, // 2-byte offset 0
        {(byte) 0xe1, (byte) 0xff}, // 1-byte offset 2047
        {(byte) (63 << 2), (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // literal of 2^32 bytes
        {(byte) (63 << 2), (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f}, // literal of 2^31 bytes
        {(byte) (62 << 2), (byte) 0xff, (byte) 0xff, 0}, // literal longer than the page
    };
    byte[] first = new byte[200];
    byte[] filler = new byte[40];
    for (byte[] element : bad) {
      for (boolean atTheEnd : new boolean[] {false, true}) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        writeVarint(s, 200 + 16 + (atTheEnd ? 0 : 40));
        s.write(60 << 2);
        s.write(199);
        s.writeBytes(first);
        s.writeBytes(element);
        if (!atTheEnd) {
          s.write(39 << 2);
          s.writeBytes(filler);
        }
        byte[] page = s.toByteArray();
        int length = 200 + 16 + (atTheEnd ? 0 : 40);
        assertThrows(ParquetDecodingException.class, () -> decode(page, length),
            Arrays.toString(element) + (atTheEnd ? " at the end" : " in the middle"));
      }
    }
    // A literal length cut off by the end of the page; input left over once the output is full.
    assertThrows(ParquetDecodingException.class, () -> decode(new byte[] {5, (byte) (62 << 2), 4}, 5));
    assertThrows(ParquetDecodingException.class, () -> decode(new byte[] {1, 0, 'a', 0, 'b'}, 1));
    // A length header over 32 bits, or of six bytes.
    assertThrows(ParquetDecodingException.class,
        () -> decode(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10}, 0));
    assertThrows(ParquetDecodingException.class, () -> decode(new byte[] {(byte) 0x81, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00}, 1));
  }

  @Test
  void rangesOutsideTheArraysAreRejected() {
    byte[] in = {1, 0, 'a'};
    assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(in, -1, 3, new byte[1], 1));
    assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(in, 1, 3, new byte[1], 1));
    assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(in, 0, 3, new byte[1], 2));
  }

  private static void writeVarint(ByteArrayOutputStream s, int v) {
    while ((v & ~0x7f) != 0) {
      s.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    s.write(v);
  }
}
