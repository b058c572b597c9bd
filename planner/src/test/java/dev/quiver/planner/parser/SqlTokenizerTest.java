package dev.quiver.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

  private static List<String> describe(String sql) {
    List<String> out = new ArrayList<>();
    for (Token t : SqlTokenizer.tokenize(sql)) {
      out.add(t.kind() + ":" + t.value());
    }
    return out;
  }

  private static Token single(String sql) {
    List<Token> tokens = SqlTokenizer.tokenize(sql);
    assertEquals(2, tokens.size(), () -> "expected one token in " + tokens);
    return tokens.get(0);
  }

  @Test
  void wordsOperatorsAndEnd() {
    assertEquals(List.of("IDENTIFIER:SELECT", "IDENTIFIER:a", "OPERATOR:,", "IDENTIFIER:b_2", "IDENTIFIER:FROM",
        "IDENTIFIER:t", "END:"), describe("SELECT a, b_2 FROM t"));
  }

  @Test
  void longestOperatorWins() {
    assertEquals(List.of("IDENTIFIER:a", "OPERATOR:<=>", "IDENTIFIER:b", "OPERATOR:<>", "IDENTIFIER:c",
        "OPERATOR:<=", "OPERATOR:||", "OPERATOR:::", "OPERATOR:!=", "OPERATOR:==", "END:"),
        describe("a<=>b<>c<=||::!==="));
  }

  @Test
  void numbersKeepTheirTextAndSuffix() {
    assertEquals(List.of("NUMBER:1", "NUMBER:1.5", "NUMBER:.5", "NUMBER:1e3", "NUMBER:1.5E-2", "NUMBER:10L",
        "NUMBER:3S", "NUMBER:4Y", "NUMBER:1.5D", "NUMBER:2f", "NUMBER:1.5BD", "NUMBER:7.", "END:"),
        describe("1 1.5 .5 1e3 1.5E-2 10L 3S 4Y 1.5D 2f 1.5BD 7."));
  }

  @Test
  void digitsFollowedByLettersAreAWord() {
    assertEquals(List.of("IDENTIFIER:1a", "IDENTIFIER:12Lx", "END:"), describe("1a 12Lx"));
  }

  @Test
  void dotAfterANameIsFieldAccessNotADecimal() {
    assertEquals(List.of("IDENTIFIER:t", "OPERATOR:.", "IDENTIFIER:a", "END:"), describe("t.a"));
    assertEquals(List.of("IDENTIFIER:a", "OPERATOR:[", "NUMBER:0", "OPERATOR:]", "OPERATOR:.",
        "IDENTIFIER:b", "END:"), describe("a[0].b"));
    assertEquals(List.of("IDENTIFIER:s", "OPERATOR:.", "NUMBER:1", "END:"), describe("s.1"));
  }

  @Test
  void leadingDotNumbersAfterKeywords() {
    assertEquals(List.of("IDENTIFIER:BETWEEN", "NUMBER:.06", "OPERATOR:-", "NUMBER:0.01", "END:"),
        describe("BETWEEN .06 - 0.01"));
    assertEquals(List.of("OPERATOR:(", "NUMBER:.5", "OPERATOR:)", "END:"), describe("(.5)"));
  }

  @Test
  void stringsInBothQuotesWithSparkEscapes() {
    assertEquals("it's", single("'it\\'s'").value());
    assertEquals("say \"hi\"", single("\"say \\\"hi\\\"\"").value());
    assertEquals("a\nb\tc\u0000\u001A", single("'a\\nb\\tc\\0\\Z'").value());
    assertEquals("back\\slash", single("'back\\\\slash'").value());
    assertEquals("100\\%_\\_", single("'100\\%_\\_'").value());
    assertEquals("é", single("'\\u00e9'").value());
    assertEquals("😀", single("'\\U0001F600'").value());
    assertEquals("A", single("'\\101'").value());
    assertEquals("q", single("'\\q'").value());
    assertEquals("'raw\\n'", single("'raw\\n'").text());
  }

  @Test
  void rawStringsKeepBackslashes() {
    Token t = single("R'a\\nb'");
    assertEquals(Token.Kind.STRING, t.kind());
    assertEquals("a\\nb", t.value());
    assertEquals("c:\\d", single("r\"c:\\d\"").value());
  }

  @Test
  void backquotedIdentifiers() {
    Token t = single("`my col`");
    assertEquals(Token.Kind.QUOTED_IDENTIFIER, t.kind());
    assertEquals("my col", t.value());
    assertEquals("a`b", single("`a``b`").value());
    assertEquals("a.b", single("`a.b`").value());
  }

  @Test
  void commentsAndHintsAreSkipped() {
    assertEquals(List.of("IDENTIFIER:a", "OPERATOR:+", "IDENTIFIER:b", "END:"),
        describe("a -- one\n + /* two /* nested */ still */ b"));
    assertEquals(List.of("IDENTIFIER:SELECT", "IDENTIFIER:a", "END:"), describe("SELECT /*+ BROADCAST(t) */ a"));
  }

  @Test
  void tokensKnowWhereTheyAre() {
    List<Token> tokens = SqlTokenizer.tokenize("SELECT\n  abc");
    assertEquals(9, tokens.get(1).start());
    assertEquals(12, tokens.get(1).end());
    assertTrue(tokens.get(0).isKeyword("select"));
  }

  @Test
  void unclosedStringIsASyntaxErrorAtTheQuote() {
    ParseException e = assertThrows(ParseException.class, () -> SqlTokenizer.tokenize("SELECT 'abc"));
    assertEquals("PARSE_SYNTAX_ERROR", e.getErrorClass());
    assertEquals(1, e.line());
    assertEquals(7, e.position());
    assertTrue(e.errorText().contains("Syntax error at or near ''abc': unclosed string literal."), e::errorText);
  }

  @Test
  void unclosedCommentHasSparksErrorClass() {
    ParseException e = assertThrows(ParseException.class, () -> SqlTokenizer.tokenize("SELECT 1 /* open"));
    assertEquals("UNCLOSED_BRACKETED_COMMENT", e.getErrorClass());
    assertEquals(9, e.position());
  }

  @Test
  void unknownCharacterIsASyntaxError() {
    ParseException e = assertThrows(ParseException.class, () -> SqlTokenizer.tokenize("a\n  # b"));
    assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near '#'. SQLSTATE: 42601", e.errorText());
    assertEquals(2, e.line());
    assertEquals(2, e.position());
  }

  @Test
  void unclosedBackquote() {
    ParseException e = assertThrows(ParseException.class, () -> SqlTokenizer.tokenize("SELECT `a"));
    assertTrue(e.errorText().contains("unclosed quoted identifier"), e::errorText);
  }
}
