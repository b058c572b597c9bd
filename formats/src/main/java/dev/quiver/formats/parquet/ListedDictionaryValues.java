package dev.quiver.formats.parquet;

/**
 * Dictionary values whose ids were decoded earlier into an array (by a reader judging a pushed filter per
 * dictionary entry): reading them looks the values up exactly as a dictionary page would, so the column's
 * converter writes the rows that passed without the page being decoded twice.
 */
final class ListedDictionaryValues extends DictionaryValues {
  private int[] ids = new int[0];
  private int pos;

  ListedDictionaryValues(DictionaryData dict) {
    super(dict);
  }

  /** The values read next are those of {@code ids[from..]} (ids already checked against the dictionary). */
  ListedDictionaryValues at(int[] ids, int from) {
    this.ids = ids;
    this.pos = from;
    return this;
  }

  @Override
  void readIds(int[] dst, int off, int n) {
    System.arraycopy(ids, pos, dst, off, n);
    pos += n;
  }

  @Override
  void skip(int n) {
    pos += n;
  }
}
