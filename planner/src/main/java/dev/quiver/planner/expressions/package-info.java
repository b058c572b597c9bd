/** Immutable expression trees: unresolved as the API builds them, resolved after analysis. */
package dev.quiver.planner.expressions;
