package dev.quiver.formats;

/**
 * A byte range {@code [start, start + length)} of one file, read by one task. A reader returns exactly the
 * records that begin inside its range, so the splits of a file together read every record once.
 */
public record FileSplit(String path, long start, long length, long fileLength) {
  public FileSplit {
    if (start < 0 || length < 0 || start + length > fileLength) {
      throw new IllegalArgumentException("Bad split [" + start + ", +" + length + ") of " + path
          + " (" + fileLength + " bytes)");
    }
  }

  public static FileSplit whole(String path, long fileLength) {
    return new FileSplit(path, 0, fileLength, fileLength);
  }

  public boolean isWholeFile() {
    return start == 0 && length == fileLength;
  }
}
