/**
 * Spark's CSV data source: {@link dev.quiver.formats.csv.CsvFormat} reads byte ranges of CSV files into Arrow
 * batches and writes batches as CSV, with Spark 4's options and semantics. The other classes are its parts:
 * options, the tokenizer, value conversion and formatting, schema inference, split handling.
 */
package dev.quiver.formats.csv;
