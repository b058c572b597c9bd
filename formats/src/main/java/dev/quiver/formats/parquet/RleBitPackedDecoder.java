package dev.quiver.formats.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition and repetition levels, dictionary ids, RLE
 * booleans), decoded in bulk into int arrays. parquet-mr's own decoder hands out one value per call and
 * allocates a buffer per bit-packed run; levels and dictionary ids are decoded for every value of every
 * page, so this one fills whole runs at once (Arrays.fill for RLE runs, 8 values per unpack call otherwise).
 */
final class RleBitPackedDecoder {
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
