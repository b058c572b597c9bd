package dev.quiver.formats.csv;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a file's header with the schema it is read with, as Spark's CSVHeaderChecker does: names must match
 * by position, ignoring case. With {@code enforceSchema=true} (the default) the schema wins and a mismatch is
 * only logged; with {@code enforceSchema=false} it fails the read.
 */
final class CsvHeaderChecker {
  private static final Logger LOG = LoggerFactory.getLogger(CsvHeaderChecker.class);

  private CsvHeaderChecker() {}

  static void check(CsvTokenizer header, List<StructField> fileColumns, boolean enforceSchema, String path) {
    List<String> names = new ArrayList<>(header.tokenCount());
    for (int i = 0; i < header.tokenCount(); i++) {
      String t = header.token(i);
      names.add(t == null ? "" : t);
    }
    List<String> expected = new ArrayList<>(fileColumns.size());
    for (StructField f : fileColumns) {
      expected.add(f.name());
    }
    String problem = null;
    if (names.size() != expected.size()) {
      problem = "Number of column in CSV header is not equal to number of fields in the schema:\n Header length: "
          + names.size() + ", schema size: " + expected.size();
    } else {
      for (int i = 0; i < names.size() && problem == null; i++) {
        if (!names.get(i).toLowerCase(Locale.ROOT).equals(expected.get(i).toLowerCase(Locale.ROOT))) {
          problem = "CSV header does not conform to the schema.\n Header: " + String.join(", ", names)
              + "\n Schema: " + String.join(", ", expected) + "\nExpected: " + expected.get(i) + " but found: "
              + names.get(i);
        }
      }
    }
    if (problem == null) {
      return;
    }
    String message = problem + "\nCSV file: " + path;
    if (enforceSchema) {
      LOG.warn(message);
    } else {
      throw new QuiverException(message + "\nFix the header or the schema, or set the option 'enforceSchema' to "
          + "true to read the file with the schema regardless of its header.");
    }
  }
}
