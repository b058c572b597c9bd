package dev.quiver.formats.listing;

import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import java.util.Objects;

/**
 * One split of a scan with the file it comes from: {@code fileIndex} is the file's position in the list given
 * to {@link FileSplits#plan}, so {@link ListedFiles#partitionValues(int)} gives its partition values.
 */
public record PlannedSplit(FileSplit split, int fileIndex, FileInfo file) {
  public PlannedSplit {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(file, "file");
  }
}
