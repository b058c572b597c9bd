package dev.quiver.formats.csv;

import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Turns the fields of one record into one row of the required columns, with Spark's rules for malformed
 * records. A record is malformed when it has more or fewer fields than the file's columns, or when a required
 * field is not a value of its column's type (fields of columns nobody reads are not converted, so they cannot
 * make a record malformed). Then, by mode: PERMISSIVE keeps the row with the bad fields null (all fields null
 * when the field count was also wrong, as Spark gives no partial row then) and the record's text in the
 * corrupt-record column; DROPMALFORMED drops the row; FAILFAST throws.
 *
 * <p>The corrupt-record column is the required string column named {@code columnNameOfCorruptRecord}; it is
 * not a column of the file, so it takes no field.
 */
final class CsvRecordConverter {
  private static final int MAX_ERROR_CONTENT = 1000;

  private final String path;
  private final long splitStart;
  private final ParseMode mode;
  private final String nullValue;
  /** Fields a well-formed record has. */
  private final int fileColumns;
  /** Per converted column: the index of its field in the record, and its position in the output. */
  private final int[] fieldIndex;
  private final int[] outputIndex;
  private final CsvValueConverter[] converters;
  private final StructField[] fields;
  private final int corruptOutput;
  private final boolean[] wanted;
  private VarCharVector corruptVector;

  CsvRecordConverter(StructType dataSchema, StructType requiredSchema, CsvOptions options,
      CsvDateTimes dateTimes, String path, long splitStart) {
    this.path = path;
    this.splitStart = splitStart;
    this.mode = options.mode;
    this.nullValue = options.nullValue;
    String corruptName = options.columnNameOfCorruptRecord;
    List<StructField> fileFields = fileColumns(dataSchema, corruptName);
    this.fileColumns = fileFields.size();

    int corrupt = -1;
    List<Integer> fieldIdx = new ArrayList<>();
    List<Integer> outputIdx = new ArrayList<>();
    List<StructField> converted = new ArrayList<>();
    for (int i = 0; i < requiredSchema.length(); i++) {
      StructField f = requiredSchema.apply(i);
      if (f.name().equals(corruptName)) {
        checkCorruptType(f);
        corrupt = i;
        continue;
      }
      fieldIdx.add(indexOf(fileFields, f.name(), dataSchema));
      outputIdx.add(i);
      converted.add(f);
    }
    this.corruptOutput = corrupt;
    this.fieldIndex = fieldIdx.stream().mapToInt(Integer::intValue).toArray();
    this.outputIndex = outputIdx.stream().mapToInt(Integer::intValue).toArray();
    this.fields = converted.toArray(new StructField[0]);
    this.converters = new CsvValueConverter[fields.length];
    for (int k = 0; k < fields.length; k++) {
      converters[k] = CsvValueConverter.forType(fields[k].name(), fields[k].dataType(), options, dateTimes);
    }
    this.wanted = new boolean[fileColumns];
    for (int idx : fieldIndex) {
      wanted[idx] = true;
    }
  }

  /** The file's columns: the data schema without the corrupt-record column. */
  static List<StructField> fileColumns(StructType dataSchema, String corruptName) {
    List<StructField> out = new ArrayList<>(dataSchema.length());
    for (StructField f : dataSchema.fieldList()) {
      if (f.name().equals(corruptName)) {
        checkCorruptType(f);
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** Which fields of a record are read, for {@link CsvTokenizer#setWanted}. */
  boolean[] wantedFields() {
    return wanted.clone();
  }

  void bind(VectorSchemaRoot root) {
    for (int k = 0; k < converters.length; k++) {
      converters[k].bind(root.getVector(outputIndex[k]));
    }
    corruptVector = corruptOutput < 0 ? null : (VarCharVector) root.getVector(corruptOutput);
  }

  /** Converts the tokenizer's current record into {@code row}; false when the record is dropped. */
  boolean convert(CsvTokenizer record, int row) {
    int n = record.tokenCount();
    boolean countMismatch = n != fileColumns;
    int firstBad = -1;
    for (int k = 0; k < converters.length; k++) {
      int idx = fieldIndex[k];
      String text = idx < n ? record.token(idx) : null;
      if (text == null || text.equals(nullValue)) {
        converters[k].setNull(row);
      } else if (!converters[k].convert(text, row) && firstBad < 0) {
        firstBad = k;
      }
    }
    if (!countMismatch && firstBad < 0) {
      if (corruptVector != null) {
        corruptVector.setNull(row);
      }
      return true;
    }
    switch (mode) {
      case DROPMALFORMED:
        return false;
      case FAILFAST:
        throw malformed(record, countMismatch, firstBad);
      default:
        if (countMismatch && firstBad >= 0) {
          for (CsvValueConverter c : converters) {
            c.setNull(row);
          }
        }
        if (corruptVector != null) {
          corruptVector.setSafe(row, record.rawRecord().getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }
  }

  private QuiverException malformed(CsvTokenizer record, boolean countMismatch, int firstBad) {
    String raw = record.rawRecord();
    if (raw.length() > MAX_ERROR_CONTENT) {
      raw = raw.substring(0, MAX_ERROR_CONTENT) + "...";
    }
    String where = splitStart == 0
        ? "line " + record.recordLine() + " of " + path
        : "line " + record.recordLine() + " counted from byte " + splitStart + " of " + path;
    String why;
    if (countMismatch) {
      why = "it has " + record.tokenCount() + " fields but the schema has " + fileColumns + " columns";
    } else {
      StructField f = fields[firstBad];
      why = "the value '" + record.token(fieldIndex[firstBad]) + "' of column `" + f.name() + "` is not a valid "
          + f.dataType().simpleString();
    }
    return new QuiverException("MALFORMED_RECORD_IN_PARSING", "Malformed records are detected in record "
        + "parsing: [" + raw + "] at " + where + " (" + why + "). Parse Mode: FAILFAST. To process malformed "
        + "records as null result, try setting the option 'mode' as 'PERMISSIVE'.", "22023", null);
  }

  private static int indexOf(List<StructField> fileFields, String name, StructType dataSchema) {
    for (int i = 0; i < fileFields.size(); i++) {
      if (fileFields.get(i).name().equals(name)) {
        return i;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fileFields.size(); i++) {
      if (fileFields.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Required column '" + name + "' is not a column of the CSV data schema "
        + dataSchema.simpleString());
  }

  private static void checkCorruptType(StructField f) {
    if (!(f.dataType() instanceof StringType)) {
      throw new AnalysisException("INVALID_CORRUPT_RECORD_TYPE", "The column `" + f.name() + "` for corrupt "
          + "records must have the nullable STRING type, but got " + f.dataType().sql() + ". Declare it as a "
          + "string, or name another column with the option 'columnNameOfCorruptRecord'.", "42804");
    }
  }
}
