package dev.quiver.formats.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition and repetition levels, dictionary ids, RLE
 * booleans), decoded in bulk into int arrays. parquet-mr's own decoder hands out one value per call and
 * allocates a buffer per bit-packed run; levels and dictionary ids are decoded for every value of every
 * page, so this one fills whole runs at once (Arrays.fill for RLE runs, whole bit-packed groups by 8-byte
 * reads and shifts, the groups near the array's end or past a run's data through parquet-mr's packer).
 */
final class RleBitPackedDecoder {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final byte[] buf;
  private int pos;
  private final int end;
  private final int bitWidth;
  private final int valueBytes;
  private final BytePacker packer;

  /** Values left in the current RLE run. */
  private int rleRemaining;
  private int rleValue;
  /** Groups of 8 values left in the current bit-packed run, not yet unpacked. */
  private int packedGroupsLeft;
  /** One unpacked group; {@code groupPos == 8} means it is used up. */
  private final int[] group = new int[8];
  private int groupPos = 8;

  RleBitPackedDecoder(byte[] buf, int offset, int end, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("Invalid bit width " + bitWidth + " of RLE/bit-packed data");
    }
    this.buf = buf;
    this.pos = offset;
    this.end = end;
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.packer = bitWidth == 0 ? null : Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** Decodes the next {@code n} values into {@code dst[off..off+n)}. */
  void readInts(int[] dst, int off, int n) {
    while (n > 0) {
      if (rleRemaining > 0) {
        int k = Math.min(n, rleRemaining);
        Arrays.fill(dst, off, off + k, rleValue);
        rleRemaining -= k;
        off += k;
        n -= k;
      } else if (groupPos < 8) {
        int k = Math.min(n, 8 - groupPos);
        System.arraycopy(group, groupPos, dst, off, k);
        groupPos += k;
        off += k;
        n -= k;
      } else if (packedGroupsLeft > 0) {
        // Whole groups go straight into the destination; a partial one through the group buffer.
        int whole = Math.min(n >>> 3, packedGroupsLeft);
        if (whole > 0) {
          int done = unpackGroups(dst, off, whole);
          off += done * 8;
          n -= done * 8;
        }
        while (n >= 8 && packedGroupsLeft > 0) {
          unpackGroup(dst, off);
          off += 8;
          n -= 8;
        }
        if (n > 0 && packedGroupsLeft > 0) {
          unpackGroup(group, 0);
          groupPos = 0;
        }
      } else {
        readHeader();
      }
    }
  }

  /**
   * True if the next {@code n} values are all {@code value} in one RLE run (then they are not consumed: this
   * is for a caller that needs no more); otherwise false and the decoder reads on as if not asked.
   */
  boolean startsWithRunOf(int value, int n) {
    if (rleRemaining == 0 && groupPos == 8 && packedGroupsLeft == 0 && pos < end) {
      readHeader();
    }
    return rleRemaining >= n && rleValue == value;
  }

  /** Skips the next {@code n} values. */
  void skip(int n) {
    while (n > 0) {
      if (rleRemaining > 0) {
        int k = Math.min(n, rleRemaining);
        rleRemaining -= k;
        n -= k;
      } else if (groupPos < 8) {
        int k = Math.min(n, 8 - groupPos);
        groupPos += k;
        n -= k;
      } else if (packedGroupsLeft > 0) {
        int whole = Math.min(n / 8, packedGroupsLeft);
        if (whole > 0) {
          pos += whole * bitWidth;
          packedGroupsLeft -= whole;
          n -= whole * 8;
        } else {
          unpackGroup(group, 0);
          groupPos = 0;
        }
      } else {
        readHeader();
      }
    }
  }

  /**
   * Unpacks up to {@code groups} whole groups of 8 values straight from the page by 8-byte reads and shifts, in
   * one loop, instead of a call per group to parquet-mr's packer for the width: that call site sees every
   * width a query reads, so it is a virtual call the JIT cannot inline (1.3 to 1.7 times slower per value
   * for widths 3 to 24 even where it can). Stops before a group that ends past the run's data or whose reads
   * would pass the end of the array (those go through {@link #unpackGroup}); returns how many it unpacked.
   */
  private int unpackGroups(int[] dst, int off, int groups) {
    int w = bitWidth;
    // The last value of a group starts in its byte 7w/8, and its 8-byte read must stay in the array.
    int room = buf.length - 8 - (7 * w >>> 3) - pos;
    // A run may claim more groups than its data holds (a corrupt page): past the data, groups go through
    // unpackGroup's padding, and the count here must not go negative.
    if (w == 0 || room < 0 || end - pos < w) {
      return 0;
    }
    int n = Math.min(groups, Math.min(room / w + 1, (end - pos) / w));
    long mask = (1L << w) - 1;
    int p = pos;
    if (w <= 8) {
      // The whole group is in one read.
      for (int g = 0; g < n; g++, p += w, off += 8) {
        long word = (long) LONG.get(buf, p);
        for (int i = 0; i < 8; i++) {
          dst[off + i] = (int) (word >>> i * w & mask);
        }
      }
    } else {
      for (int g = 0; g < n; g++, p += w, off += 8) {
        for (int i = 0, bit = 0; i < 8; i++, bit += w) {
          long word = (long) LONG.get(buf, p + (bit >>> 3));
          dst[off + i] = (int) (word >>> (bit & 7) & mask);
        }
      }
    }
    pos = p;
    packedGroupsLeft -= n;
    return n;
  }

  // The byte[] overload is deprecated in favour of ByteBuffer, which is slower per call; pages are arrays here.
  @SuppressWarnings("deprecation")
  private void unpackGroup(int[] dst, int off) {
    packedGroupsLeft--;
    if (bitWidth == 0) {
      Arrays.fill(dst, off, off + 8, 0);
      return;
    }
    if (pos + bitWidth <= end) {
      packer.unpack8Values(buf, pos, dst, off);
    } else {
      // The last group of a page may be cut short by the writer; the missing bits are padding.
      byte[] padded = new byte[bitWidth];
      if (pos < end) {
        System.arraycopy(buf, pos, padded, 0, end - pos);
      }
      packer.unpack8Values(padded, 0, dst, off);
    }
    pos += bitWidth;
  }

  private void readHeader() {
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      rleRemaining = header >>> 1;
      if (pos + valueBytes > end) {
        throw new ParquetDecodingException("RLE run value runs past the end of the page data");
      }
      int v = 0;
      for (int i = 0; i < valueBytes; i++) {
        v |= (buf[pos + i] & 0xFF) << (8 * i);
      }
      pos += valueBytes;
      rleValue = v;
    } else {
      packedGroupsLeft = header >>> 1;
    }
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    while (true) {
      if (pos >= end) {
        throw new ParquetDecodingException("Read past the end of RLE/bit-packed data");
      }
      int b = buf[pos++] & 0xFF;
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
      if (shift > 28) {
        throw new ParquetDecodingException("Malformed varint in RLE/bit-packed data");
      }
    }
  }
}
