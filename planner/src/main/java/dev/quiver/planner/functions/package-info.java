/** The built-in scalar functions: names, argument rules, result types and Spark's generated names. */
package dev.quiver.planner.functions;
