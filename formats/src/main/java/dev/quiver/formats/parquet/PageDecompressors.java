package dev.quiver.formats.parquet;

import com.github.luben.zstd.Zstd;
import dev.quiver.formats.HadoopFs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Page decompression for the reader. Snappy and ZSTD pages (what Spark and DuckDB write by default) are
 * decompressed from the page's byte array straight into a new one (Snappy by {@link SnappyDecoder}, ZSTD by
 * zstd-jni), an array {@link PageBuffers} may reuse; parquet-mr's Hadoop codecs instead stream them through
 * direct buffers and copy twice. Other codecs, and compression, go to parquet-mr's factory. One instance per
 * open file (like parquet-mr's, it is not thread-safe).
 */
final class PageDecompressors implements CompressionCodecFactory {
  private final Map<CompressionCodecName, BytesInputDecompressor> own = new EnumMap<>(CompressionCodecName.class);
  private CompressionCodecFactory hadoop;

  PageDecompressors() {
    own.put(CompressionCodecName.SNAPPY, new ArrayDecompressor(CompressionCodecName.SNAPPY));
    own.put(CompressionCodecName.ZSTD, new ArrayDecompressor(CompressionCodecName.ZSTD));
  }

  private CompressionCodecFactory hadoop() {
    if (hadoop == null) {
      // Built on first use only: Snappy and ZSTD reads never need Hadoop's Configuration.
      hadoop = HadoopCodecs.newFactory(HadoopFs.conf(), 0);
    }
    return hadoop;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return hadoop().getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    BytesInputDecompressor d = own.get(codec);
    return d != null ? d : hadoop().getDecompressor(codec);
  }

  @Override
  public void release() {
    if (hadoop != null) {
      hadoop.release();
      hadoop = null;
    }
  }

  private final class ArrayDecompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    ArrayDecompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      ByteSlice in = ByteSlice.of(bytes);
      byte[] out = PageBuffers.take(decompressedSize);
      if (codec == CompressionCodecName.SNAPPY) {
        SnappyDecoder.decompress(in.buf(), in.offset(), in.length(), out, decompressedSize);
        return BytesInput.from(out, 0, decompressedSize);
      }
      long n = Zstd.decompressByteArray(out, 0, decompressedSize, in.buf(), in.offset(), in.length());
      if (Zstd.isError(n)) {
        throw new ParquetDecodingException("ZSTD page cannot be decompressed: " + Zstd.getErrorName(n));
      }
      if (n != decompressedSize) {
        throw new ParquetDecodingException(codec + " page decompressed to " + n + " bytes, its header says "
            + decompressedSize);
      }
      return BytesInput.from(out, 0, decompressedSize);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      // Only parquet-mr's off-heap read path calls this; the reader uses heap buffers.
      hadoop().getDecompressor(codec).decompress(input, compressedSize, output, decompressedSize);
    }

    @Override
    public void release() {
      // Holds no resources.
    }
  }
}
