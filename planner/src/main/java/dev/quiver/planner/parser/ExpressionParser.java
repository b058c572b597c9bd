package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.sql.types.DataType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive descent over Spark's expression grammar, loosest binding first: OR, AND, NOT, predicates
 * (comparison, BETWEEN, IN, LIKE, RLIKE, IS), bitwise | ^ &amp;, + - ||, * / % DIV, unary - + ~, then
 * postfix {@code [key]}, {@code .field} and {@code ::type} on a primary. Produces unresolved trees; names,
 * functions and types are the analyzer's business.
 */
final class ExpressionParser {
  /** Spark's spellings of the comparisons; {@code <>} and {@code !=} are NOT of {@code =} instead. */
  private static final Map<String, ComparisonOp> COMPARISONS = Map.of(
      "=", ComparisonOp.EQ, "==", ComparisonOp.EQ, "<=>", ComparisonOp.NULL_SAFE_EQ,
      "<", ComparisonOp.LT, "<=", ComparisonOp.LTE, "!>", ComparisonOp.LTE,
      ">", ComparisonOp.GT, ">=", ComparisonOp.GTE, "!<", ComparisonOp.GTE);

  private final TokenCursor in;
  private final ZoneId zone;

  ExpressionParser(TokenCursor in, ZoneId zone) {
    this.in = in;
    this.zone = zone;
  }

  /** An expression with an optional alias: {@code expr AS name}, {@code expr name}. */
  Expression namedExpression() {
    Expression e = expression();
    if (in.acceptKeyword("AS")) {
      if (in.atOperator("(")) {
        throw ParseErrors.unsupported(in.sql(), in.peek(), "multiple aliases AS (a, b)");
      }
      return new Alias(e, identifier());
    }
    if (Keywords.canBeImplicitAlias(in.peek())) {
      return new Alias(e, identifier());
    }
    return e;
  }

  Expression expression() {
    return or();
  }

  /** Comma-separated expressions, at least one. */
  List<Expression> expressionList() {
    List<Expression> out = new ArrayList<>();
    do {
      out.add(expression());
    } while (in.acceptOperator(","));
    return out;
  }

  /** {@code expr [ASC|DESC] [NULLS FIRST|LAST]}; nulls go first ascending and last descending by default. */
  SortOrder sortItem() {
    Expression e = expression();
    SortDirection direction = SortDirection.ASCENDING;
    if (in.acceptKeyword("DESC")) {
      direction = SortDirection.DESCENDING;
    } else {
      in.acceptKeyword("ASC");
    }
    NullOrdering nulls = direction.defaultNullOrdering();
    if (in.acceptKeyword("NULLS")) {
      if (in.acceptKeyword("FIRST")) {
        nulls = NullOrdering.NULLS_FIRST;
      } else if (in.acceptKeyword("LAST")) {
        nulls = NullOrdering.NULLS_LAST;
      } else {
        throw in.error();
      }
    }
    return new SortOrder(e, direction, nulls);
  }

  List<SortOrder> sortList() {
    List<SortOrder> out = new ArrayList<>();
    do {
      out.add(sortItem());
    } while (in.acceptOperator(","));
    return out;
  }

  /** A plain or backquoted name. */
  String identifier() {
    Token t = in.peek();
    if (!t.isIdentifier()) {
      throw in.error();
    }
    in.next();
    return t.value();
  }

  // ------------------------------------------------------------------ boolean operators and predicates

  private Expression or() {
    Expression left = and();
    while (in.acceptKeyword("OR")) {
      left = new Or(left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (in.acceptKeyword("AND")) {
      left = new And(left, not());
    }
    return left;
  }

  private Expression not() {
    if (in.atKeyword("NOT") || in.atOperator("!")) {
      in.next();
      return new Not(not());
    }
    if (in.atKeyword("EXISTS") && in.peek(1).isOperator("(")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "EXISTS subqueries");
    }
    return predicated();
  }

  /** A value with at most one predicate after it, as in Spark's grammar. */
  private Expression predicated() {
    Expression e = comparison();
    boolean negated = in.atKeyword("NOT")
        && in.peek(1).isKeyword("BETWEEN", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP");
    if (negated) {
      in.next();
    }
    Expression p;
    if (in.acceptKeyword("BETWEEN")) {
      Expression lower = comparison();
      in.expectKeyword("AND");
      Expression upper = comparison();
      p = new And(new Comparison(ComparisonOp.GTE, e, lower), new Comparison(ComparisonOp.LTE, e, upper));
    } else if (in.acceptKeyword("IN")) {
      p = inList(e);
    } else if (in.atKeyword("LIKE", "ILIKE")) {
      String name = in.next().keyword().toLowerCase(Locale.ROOT);
      if (in.atKeyword("ANY", "SOME", "ALL") && in.peek(1).isOperator("(")) {
        throw ParseErrors.unsupported(in.sql(), in.peek(), "LIKE " + in.peek().keyword());
      }
      Expression pattern = comparison();
      if (in.atKeyword("ESCAPE")) {
        throw ParseErrors.unsupported(in.sql(), in.peek(), "LIKE ... ESCAPE");
      }
      p = new UnresolvedFunction(name, List.of(e, pattern), false);
    } else if (in.atKeyword("RLIKE", "REGEXP")) {
      in.next();
      p = new UnresolvedFunction("rlike", List.of(e, comparison()), false);
    } else if (!negated && in.acceptKeyword("IS")) {
      p = isPredicate(e);
    } else if (negated) {
      throw in.error();
    } else {
      return e;
    }
    return negated ? new Not(p) : p;
  }

  private Expression inList(Expression value) {
    in.expectOperator("(");
    if (in.atKeyword("SELECT", "WITH", "VALUES")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "IN subqueries");
    }
    List<Expression> list = expressionList();
    in.expectOperator(")");
    return new In(value, list);
  }

  /** After IS: [NOT] NULL, TRUE, FALSE, UNKNOWN, or DISTINCT FROM, with Spark's null-safe meanings. */
  private Expression isPredicate(Expression e) {
    boolean not = in.acceptKeyword("NOT");
    Expression p;
    if (in.acceptKeyword("NULL")) {
      return not ? new IsNotNull(e) : new IsNull(e);
    } else if (in.acceptKeyword("UNKNOWN")) {
      return not ? new IsNotNull(e) : new IsNull(e);
    } else if (in.acceptKeyword("TRUE")) {
      p = new Comparison(ComparisonOp.NULL_SAFE_EQ, e, Literal.TRUE);
    } else if (in.acceptKeyword("FALSE")) {
      p = new Comparison(ComparisonOp.NULL_SAFE_EQ, e, Literal.FALSE);
    } else if (in.acceptKeyword("DISTINCT")) {
      in.expectKeyword("FROM");
      Expression equal = new Comparison(ComparisonOp.NULL_SAFE_EQ, e, comparison());
      return not ? equal : new Not(equal);
    } else {
      throw in.error();
    }
    return not ? new Not(p) : p;
  }

  // ------------------------------------------------------------------ value operators

  /** An operand without boolean operators or predicates (Spark's valueExpression), as in POSITION(a IN b). */
  Expression valueExpression() {
    return comparison();
  }

  private Expression comparison() {
    Expression left = bitOr();
    while (true) {
      Token t = in.peek();
      if (t.isOperator("<>") || t.isOperator("!=")) {
        in.next();
        left = new Not(new Comparison(ComparisonOp.EQ, left, bitOr()));
        continue;
      }
      ComparisonOp op = t.kind() == Token.Kind.OPERATOR ? COMPARISONS.get(t.text()) : null;
      if (op == null) {
        return left;
      }
      in.next();
      left = new Comparison(op, left, bitOr());
    }
  }

  /** Bitwise operators have no expression node here; as calls of Spark's function names they fail in analysis. */
  private Expression bitOr() {
    Expression left = bitXor();
    while (in.acceptOperator("|")) {
      left = new UnresolvedFunction("|", List.of(left, bitXor()), false);
    }
    return left;
  }

  private Expression bitXor() {
    Expression left = bitAnd();
    while (in.acceptOperator("^")) {
      left = new UnresolvedFunction("^", List.of(left, bitAnd()), false);
    }
    return left;
  }

  private Expression bitAnd() {
    Expression left = additive();
    while (in.acceptOperator("&")) {
      left = new UnresolvedFunction("&", List.of(left, additive()), false);
    }
    return left;
  }

  /** {@code ||} binds like + and -, as in Spark, and means concat. */
  private Expression additive() {
    Expression left = multiplicative();
    while (true) {
      if (in.acceptOperator("+")) {
        left = new BinaryArithmetic(ArithmeticOp.ADD, left, multiplicative());
      } else if (in.acceptOperator("-")) {
        left = new BinaryArithmetic(ArithmeticOp.SUBTRACT, left, multiplicative());
      } else if (in.acceptOperator("||")) {
        left = new UnresolvedFunction("concat", List.of(left, multiplicative()), false);
      } else {
        return left;
      }
    }
  }

  private Expression multiplicative() {
    Expression left = unary();
    while (true) {
      if (in.acceptOperator("*")) {
        left = new BinaryArithmetic(ArithmeticOp.MULTIPLY, left, unary());
      } else if (in.acceptOperator("/")) {
        left = new BinaryArithmetic(ArithmeticOp.DIVIDE, left, unary());
      } else if (in.acceptOperator("%")) {
        left = new BinaryArithmetic(ArithmeticOp.REMAINDER, left, unary());
      } else if (in.acceptKeyword("DIV")) {
        left = new BinaryArithmetic(ArithmeticOp.INTEGRAL_DIVIDE, left, unary());
      } else {
        return left;
      }
    }
  }

  /**
   * A sign right before a number belongs to the literal, as in Spark's grammar: {@code -1} is the int
   * literal -1 (named {@code -1}) and {@code -2147483648} still an int; {@code -a} is UnaryMinus.
   * Unary plus has no node of its own and leaves its operand as it is.
   */
  private Expression unary() {
    if (in.atOperator("-") || in.atOperator("+")) {
      boolean minus = in.next().isOperator("-");
      if (in.peek().kind() == Token.Kind.NUMBER) {
        return postfix(LiteralParser.number(in.sql(), in.next(), minus));
      }
      Expression operand = unary();
      return minus ? new UnaryMinus(operand) : operand;
    }
    if (in.acceptOperator("~")) {
      return new UnresolvedFunction("~", List.of(unary()), false);
    }
    return postfix(primary());
  }

  private Expression postfix(Expression base) {
    Expression e = base;
    while (true) {
      if (in.acceptOperator("[")) {
        Expression key = expression();
        in.expectOperator("]");
        e = new ExtractValue(e, key);
      } else if (in.atOperator(".") && in.peek(1).isIdentifier()) {
        in.next();
        e = new ExtractValue(e, Literal.of(identifier()));
      } else if (in.acceptOperator("::")) {
        e = new Cast(e, TypeReader.afterDoubleColon(in), true);
      } else {
        return e;
      }
    }
  }

  // ------------------------------------------------------------------ primaries

  private Expression primary() {
    Token t = in.peek();
    switch (t.kind()) {
      case NUMBER:
        return LiteralParser.number(in.sql(), in.next(), false);
      case STRING:
        return Literal.of(strings());
      case IDENTIFIER:
      case QUOTED_IDENTIFIER:
        return named();
      case OPERATOR:
        if (in.acceptOperator("*")) {
          return new UnresolvedStar(List.of(), 0);
        }
        if (in.acceptOperator("(")) {
          if (in.atKeyword("SELECT", "WITH", "VALUES")) {
            throw ParseErrors.unsupported(in.sql(), in.peek(), "scalar subqueries");
          }
          Expression e = expression();
          if (in.atOperator(",")) {
            throw ParseErrors.unsupported(in.sql(), in.peek(), "row constructors (a, b, ...)");
          }
          in.expectOperator(")");
          return e;
        }
        throw in.error();
      default:
        throw in.error();
    }
  }

  /** Adjacent string literals are one string: {@code 'a' 'b'} is {@code 'ab'}. */
  private String strings() {
    StringBuilder sb = new StringBuilder();
    while (in.peek().kind() == Token.Kind.STRING) {
      sb.append(in.next().value());
    }
    return sb.toString();
  }

  /** A primary that starts with a word: a keyword form, a typed literal, a column, a star or a call. */
  private Expression named() {
    Token t = in.peek();
    Token after = in.peek(1);
    if (t.kind() == Token.Kind.IDENTIFIER) {
      switch (t.keyword()) {
        case "TRUE":
          in.next();
          return Literal.TRUE;
        case "FALSE":
          in.next();
          return Literal.FALSE;
        case "NULL":
          in.next();
          return Literal.NULL;
        case "CASE":
          return caseWhen();
        case "CAST":
          if (after.isOperator("(")) {
            return cast();
          }
          break;
        case "TRY_CAST":
          if (after.isOperator("(")) {
            return tryCast();
          }
          break;
        case "DATE":
        case "TIMESTAMP":
        case "TIMESTAMP_LTZ":
        case "TIMESTAMP_NTZ":
        case "X":
        case "INTERVAL":
          if (after.kind() == Token.Kind.STRING) {
            in.next();
            return LiteralParser.typed(in.sql(), t, strings(), zone);
          }
          if (t.keyword().equals("INTERVAL")) {
            throw ParseErrors.unsupported(in.sql(), t, "INTERVAL literals");
          }
          break;
        case "CURRENT_DATE":
        case "CURRENT_TIMESTAMP":
          if (!after.isOperator("(")) {
            in.next();
            return new UnresolvedFunction(t.keyword().toLowerCase(Locale.ROOT), List.of(), false);
          }
          break;
        default:
          break;
      }
      if (!Keywords.canStartOperand(t)) {
        throw in.error();
      }
    }
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    while (in.atOperator(".") && (in.peek(1).isIdentifier() || in.peek(1).isOperator("*"))) {
      in.next();
      if (in.acceptOperator("*")) {
        return new UnresolvedStar(parts, 0);
      }
      parts.add(identifier());
    }
    if (in.atOperator("(")) {
      return new FunctionCallParser(in, this).call(String.join(".", parts));
    }
    return new UnresolvedAttribute(parts, 0);
  }

  /** CASE WHEN c THEN v ... [ELSE e] END, or CASE x WHEN v THEN r ... END meaning x = v. */
  private Expression caseWhen() {
    in.expectKeyword("CASE");
    Expression operand = in.atKeyword("WHEN") ? null : expression();
    List<CaseWhen.Branch> branches = new ArrayList<>();
    while (in.acceptKeyword("WHEN")) {
      Expression when = expression();
      in.expectKeyword("THEN");
      Expression then = expression();
      Expression condition = operand == null ? when : new Comparison(ComparisonOp.EQ, operand, when);
      branches.add(new CaseWhen.Branch(condition, then));
    }
    if (branches.isEmpty()) {
      throw in.error();
    }
    Optional<Expression> otherwise = in.acceptKeyword("ELSE") ? Optional.of(expression()) : Optional.empty();
    in.expectKeyword("END");
    return new CaseWhen(branches, otherwise);
  }

  /**
   * TRY_CAST(x AS type): the registry's try_cast function, whose second argument is the target type's SQL
   * text; it names its column {@code TRY_CAST(x AS TYPE)} (or {@code x} for a bare column, as Spark does).
   */
  private Expression tryCast() {
    in.expectKeyword("TRY_CAST");
    in.expectOperator("(");
    Expression value = expression();
    in.expectKeyword("AS");
    DataType type = TypeReader.beforeCloseParen(in);
    in.expectOperator(")");
    return new UnresolvedFunction("try_cast", List.of(value, Literal.of(type.sql())), false);
  }

  /** CAST(x AS type): a user cast, which names its column {@code CAST(x AS TYPE)}. */
  private Expression cast() {
    in.expectKeyword("CAST");
    in.expectOperator("(");
    Expression value = expression();
    in.expectKeyword("AS");
    Cast cast = new Cast(value, TypeReader.beforeCloseParen(in), true);
    in.expectOperator(")");
    return cast;
  }
}
