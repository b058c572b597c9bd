/**
 * The public API, in Spark's vocabulary. This module (planner) holds the errors users see; the api module
 * adds Session, DataFrame, Column, functions and Row to the same package.
 */
package dev.quiver.sql;
