package dev.quiver.formats.csv;

import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The schema of a set of CSV files, as Spark's CSV source infers it. The column names come from the first
 * record of the first file that has one: its fields with {@code header=true} (made safe: an empty name, or one
 * equal to nullValue, becomes {@code _c<i>}; names occurring more than once, ignoring case, get their index
 * appended), else {@code _c0, _c1, ...}. Without {@code inferSchema} every column is a string; with it, the
 * data records of all files (each file's first record is its header when {@code header=true}), or a
 * {@code samplingRatio} share of them, vote on the types with {@link CsvTypeInference}. All fields are
 * nullable. Files without records give an empty schema.
 */
final class CsvSchemaInference {
  private CsvSchemaInference() {}

  static StructType infer(List<FileInfo> files, CsvOptions options) {
    if (files.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for CSV. It must be specified "
          + "manually.", "42KD9");
    }
    CsvTypeInference inference = new CsvTypeInference(options, new CsvDateTimes(options));
    SplittableRandom sampler = options.samplingRatio > 0.99 ? null : new SplittableRandom(1);
    String[] names = null;
    DataType[] types = null;
    for (FileInfo file : files) {
      if (names != null && !options.inferSchema) {
        break;
      }
      CsvInput.Opened input = CsvInput.open(FileSplit.whole(file.path(), file.length()), options);
      try (CsvTokenizer tokenizer = new CsvTokenizer(input.reader(), options, input.quotedNewlines(), file.path())) {
        boolean firstRecord = true;
        while (tokenizer.next()) {
          boolean isHeader = firstRecord && options.header;
          firstRecord = false;
          if (names == null) {
            names = columnNames(tokenizer, options);
            types = new DataType[names.length];
            Arrays.fill(types, CsvTypeInference.unknown());
            if (!options.inferSchema) {
              break;
            }
          }
          if (isHeader || (sampler != null && sampler.nextDouble() >= options.samplingRatio)) {
            continue;
          }
          int n = Math.min(types.length, tokenizer.tokenCount());
          for (int i = 0; i < n; i++) {
            types[i] = inference.infer(types[i], tokenizer.token(i));
          }
        }
      }
    }
    if (names == null) {
      return new StructType();
    }
    List<StructField> fields = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      DataType type = options.inferSchema ? CsvTypeInference.finish(types[i]) : DataTypes.StringType;
      fields.add(new StructField(names[i], type, true));
    }
    return StructType.of(fields);
  }

  /** Spark's makeSafeHeader (case-insensitive, as Spark resolves names by default). */
  static String[] columnNames(CsvTokenizer first, CsvOptions options) {
    int n = first.tokenCount();
    String[] names = new String[n];
    if (!options.header) {
      for (int i = 0; i < n; i++) {
        names[i] = "_c" + i;
      }
      return names;
    }
    Map<String, Integer> occurrences = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String t = first.token(i);
      if (t != null) {
        occurrences.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    for (int i = 0; i < n; i++) {
      String t = first.token(i);
      if (t == null || t.isEmpty() || t.equals(options.nullValue)) {
        names[i] = "_c" + i;
      } else if (occurrences.get(t.toLowerCase(Locale.ROOT)) > 1) {
        names[i] = t + i;
      } else {
        names[i] = t;
      }
    }
    return names;
  }
}
