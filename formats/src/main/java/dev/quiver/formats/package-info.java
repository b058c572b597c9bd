/**
 * File formats to and from Arrow batches: CSV (commons-csv) and Parquet (parquet-hadoop), file listing
 * with partition discovery, and the output commit protocol. Knows nothing about plans or scheduling.
 */
package dev.quiver.formats;
