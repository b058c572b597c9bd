package dev.quiver.planner.parser;

import dev.quiver.sql.types.DataType;
import java.util.Locale;

/**
 * Reads the data type of {@code CAST(x AS type)} and {@code x::type}. The tokens of the type are found here
 * (balanced brackets) and their text handed to {@link DataType#fromDDL}, so casts accept exactly the type
 * names schemas do.
 */
final class TypeReader {
  private TypeReader() {}

  /** The type inside {@code CAST( ... AS type)}: every token up to the closing parenthesis. */
  static DataType beforeCloseParen(TokenCursor in) {
    Token first = in.peek();
    Token last = null;
    int depth = 0;
    while (!(in.atOperator(")") && depth == 0)) {
      Token t = in.peek();
      if (t.kind() == Token.Kind.END) {
        throw ParseErrors.syntax(in.sql(), t, "missing ')'");
      }
      if (t.isOperator("(")) {
        depth++;
      } else if (t.isOperator(")")) {
        depth--;
      }
      last = in.next();
    }
    if (last == null) {
      throw in.error();
    }
    return parse(in, first, in.text(first, last));
  }

  /** The type after {@code ::}: a name, then a balanced {@code <...>} or {@code (...)} if one follows. */
  static DataType afterDoubleColon(TokenCursor in) {
    Token first = in.peek();
    if (first.kind() != Token.Kind.IDENTIFIER) {
      throw in.error();
    }
    Token last = in.next();
    String open = in.atOperator("<") ? "<" : in.atOperator("(") ? "(" : null;
    if (open != null) {
      String close = open.equals("<") ? ">" : ")";
      int depth = 0;
      do {
        Token t = in.peek();
        if (t.kind() == Token.Kind.END) {
          throw ParseErrors.syntax(in.sql(), t, "missing '" + close + "'");
        }
        if (t.isOperator(open)) {
          depth++;
        } else if (t.isOperator(close)) {
          depth--;
        }
        last = in.next();
      } while (depth > 0);
    }
    return parse(in, first, in.text(first, last));
  }

  private static DataType parse(TokenCursor in, Token first, String text) {
    try {
      return DataType.fromDDL(text);
    } catch (IllegalArgumentException e) {
      throw ParseErrors.unsupportedType(in.sql(), first, text.toUpperCase(Locale.ROOT), e);
    }
  }
}
