/** Pure-Java value logic shared by formats and the executor: Spark's text forms of dates and timestamps. */
package dev.quiver.planner.values;
