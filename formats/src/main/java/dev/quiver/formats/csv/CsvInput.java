package dev.quiver.formats.csv;

import dev.quiver.formats.FileSplit;
import dev.quiver.formats.HadoopFs;
import dev.quiver.sql.QuiverException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Opens the text of one split of a CSV file: the lines that begin in its byte range, decompressed (codec by
 * file extension, as Hadoop chooses it), without a UTF-8 byte order mark, decoded strictly so that bytes
 * that are not valid in the charset fail the read instead of turning into replacement characters.
 *
 * <p>A file is read in byte ranges only when lines can be found in its bytes: not with multiLine, not when it
 * is compressed, and not in a charset such as UTF-16 whose line ends are not single bytes. Otherwise the split
 * that starts at byte 0 reads the whole file and the other splits read nothing, so the records are still read
 * once whatever splits the engine made.
 */
final class CsvInput {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static volatile CompressionCodecFactory codecs;

  private CsvInput() {}

  /** The text of a split and whether quoted fields in it may span lines. */
  record Opened(Reader reader, boolean quotedNewlines) {}

  static boolean isSplittable(String path, CsvOptions options) {
    return !options.multiLine && codec(HadoopFs.path(path)) == null && lineEndsAreSingleBytes(options);
  }

  static Opened open(FileSplit split, CsvOptions options) {
    Path path = HadoopFs.path(split.path());
    boolean splittable = isSplittable(split.path(), options);
    if (split.start() > 0 && !splittable) {
      return new Opened(new StringReader(""), true);
    }
    boolean wholeFile = !splittable || split.isWholeFile();
    if (!wholeFile && split.length() == 0) {
      return new Opened(new StringReader(""), false);
    }
    FileSystem fs = HadoopFs.fs(path);
    FSDataInputStream raw = openFile(fs, path, split.path());
    try {
      InputStream bytes;
      if (wholeFile) {
        CompressionCodec codec = codec(path);
        bytes = codec == null ? raw : codec.createInputStream(raw);
      } else {
        raw.seek(Math.max(0, split.start() - 1));
        byte[] lineSep = options.lineSep == null ? null : options.lineSep.getBytes(options.charset);
        bytes = LineRangeInputStream.open(raw, split.start(), split.start() + split.length(), lineSep);
      }
      if (split.start() == 0 && options.charset.equals(StandardCharsets.UTF_8)) {
        bytes = skipUtf8Bom(bytes);
      }
      return new Opened(new InputStreamReader(bytes, options.charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)), options.multiLine || wholeFile);
    } catch (IOException | RuntimeException e) {
      try {
        raw.close();
      } catch (IOException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      if (e instanceof QuiverException q) {
        throw q;
      }
      throw new QuiverException("Cannot read the CSV file " + split.path() + ": " + e.getMessage()
          + ". Check that the file is readable and not truncated.", e);
    }
  }

  private static FSDataInputStream openFile(FileSystem fs, Path path, String shown) {
    try {
      return fs.open(path);
    } catch (FileNotFoundException e) {
      throw new QuiverException("FAILED_READ_FILE.FILE_NOT_EXIST", "File does not exist: " + shown
          + ". It may have been deleted or moved after the files were listed; check the path and run the "
          + "query again.", "KD001", e);
    } catch (IOException e) {
      throw new QuiverException("Cannot open the CSV file " + shown + ": " + e.getMessage()
          + ". Check that it exists and is readable.", e);
    }
  }

  private static InputStream skipUtf8Bom(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, UTF8_BOM.length);
    byte[] head = pushback.readNBytes(UTF8_BOM.length);
    if (!Arrays.equals(head, UTF8_BOM)) {
      pushback.unread(head);
    }
    return pushback;
  }

  /** Whether LF and CR (and lineSep) are encoded as bytes that no other character's encoding contains. */
  private static boolean lineEndsAreSingleBytes(CsvOptions options) {
    Charset cs = options.charset;
    if (!cs.newEncoder().canEncode("\r\n")) {
      return false;
    }
    byte[] ends = "\r\n".getBytes(cs);
    if (ends.length != 2 || ends[0] != '\r' || ends[1] != '\n') {
      return false;
    }
    // ASCII-compatible sets encode 'A' as 0x41; UTF-16 and UTF-32 do not, and may hide 0x0A inside a character.
    byte[] a = "A".getBytes(cs);
    return a.length == 1 && a[0] == 'A';
  }

  private static CompressionCodec codec(Path path) {
    CompressionCodecFactory f = codecs;
    if (f == null) {
      synchronized (CsvInput.class) {
        f = codecs;
        if (f == null) {
          f = new CompressionCodecFactory(HadoopFs.conf());
          codecs = f;
        }
      }
    }
    return f.getCodec(path);
  }
}
