/**
 * Spark's CSV data source: {@link dev.quiver.formats.csv.CsvFormat} reads byte ranges of CSV files into Arrow
 * batches and writes batches as CSV, with Spark 4's options and semantics. The other classes are its parts:
 * options, the tokenizer, value conversion and formatting, schema inference, split handling.
 *
 * <p><b>Writing uses commons-csv.</b> {@link dev.quiver.formats.csv.CsvRecordWriter} prints every value through
 * commons-csv's {@code CSVFormat}, configured from the options (separator, quote, escape, record separator). It
 * decides per value whether to quote, because Spark's writer (univocity) decides differently from commons-csv's
 * quote modes, and so the bytes are Spark's.
 *
 * <p><b>Reading uses a hand-written tokenizer</b> ({@link dev.quiver.formats.csv.CsvTokenizer}), because
 * commons-csv's parser handles the escape character differently from Spark: after the escape character it turns
 * {@code n}, {@code t}, {@code r}, {@code b} and {@code f} into control characters, so the field {@code C:\new}
 * would come back with a newline in it where Spark keeps {@code C:\new} as typed; and it rejects text after a
 * closing quote, which Spark keeps as part of the field.
 */
package dev.quiver.formats.csv;
