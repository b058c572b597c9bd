/** Spark's data types with Spark's names: what a column can hold, as users spell it. */
package dev.quiver.sql.types;
