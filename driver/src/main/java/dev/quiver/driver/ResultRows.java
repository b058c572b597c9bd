package dev.quiver.driver;

import dev.quiver.sql.types.StructType;
import java.util.List;

/** A query's rows in Quiver's internal value forms, with the schema they follow. */
public record ResultRows(StructType schema, List<Object[]> rows) {}
