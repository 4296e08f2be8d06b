package com.example.kiln.noconsole;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Finds calls such as {@code console.log(...)} in JavaScript or TypeScript source, skipping
 * comments and string literals but looking inside {@code ${...}} of template literals. A small
 * scanner, not a parser: regular-expression literals and JSX text are read as code.
 */
final class ConsoleCalls {

  /** A call; line and column (1-based) are those of {@code console}. */
  record Hit(int line, int column, String method) {}

  private final String source;
  private final Set<String> methods;
  private final List<Hit> hits = new ArrayList<>();
  private final Deque<Integer> templateBraces = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private ConsoleCalls(String source, Set<String> methods) {
    this.source = source;
    this.methods = methods;
  }

  /**
   * @param source the file's content
   * @param methods the console methods to find, e.g. {@code log}
   * @return the calls in source order, never null
   */
  static List<Hit> find(String source, Set<String> methods) {
    ConsoleCalls scanner = new ConsoleCalls(source, methods);
    scanner.scanCode();
    return scanner.hits;
  }

  private void scanCode() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '/' && peek(1) == '/') {
        skipUntil("\n");
      } else if (c == '/' && peek(1) == '*') {
        pos += 2;
        skipUntil("*/");
        pos += 2;
      } else if (c == '\'' || c == '"') {
        skipString(c);
      } else if (c == '`') {
        pos++;
        scanTemplate();
      } else if (c == '{' && !templateBraces.isEmpty()) {
        templateBraces.push(templateBraces.pop() + 1);
        pos++;
      } else if (c == '}' && !templateBraces.isEmpty() && templateBraces.peek() == 0) {
        templateBraces.pop();
        pos++;
        scanTemplate();
      } else if (c == '}' && !templateBraces.isEmpty()) {
        templateBraces.push(templateBraces.pop() - 1);
        pos++;
      } else if (Character.isJavaIdentifierStart(c)) {
        identifier();
      } else {
        advance();
      }
    }
  }

  /** Scans template text up to its closing backtick, or into a {@code ${} expression. */
  private void scanTemplate() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\\') {
        advance();
        advance();
      } else if (c == '`') {
        pos++;
        return;
      } else if (c == '$' && peek(1) == '{') {
        pos += 2;
        templateBraces.push(0);
        return; // back in code until the matching '}'
      } else {
        advance();
      }
    }
  }

  private void identifier() {
    int start = pos;
    String word = word();
    boolean member = start > 0 && previousNonSpace(start) == '.';
    if (!word.equals("console") || member) {
      return;
    }
    int column = start - lineStart + 1;
    int callLine = line;
    skipSpaces();
    if (peek(0) != '.') {
      return;
    }
    pos++;
    skipSpaces();
    String method = Character.isJavaIdentifierStart(peek(0)) ? word() : "";
    skipSpaces();
    if (methods.contains(method) && peek(0) == '(') {
      hits.add(new Hit(callLine, column, method));
    }
  }

  private String word() {
    int start = pos;
    while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
      pos++;
    }
    return source.substring(start, pos);
  }

  private void skipString(char quote) {
    pos++;
    while (pos < source.length() && source.charAt(pos) != quote && source.charAt(pos) != '\n') {
      if (source.charAt(pos) == '\\') {
        advance();
      }
      advance();
    }
    if (peek(0) == quote) {
      pos++;
    }
  }

  private void skipUntil(String end) {
    while (pos < source.length() && !source.startsWith(end, pos)) {
      advance();
    }
  }

  private void skipSpaces() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      advance();
    }
  }

  private char previousNonSpace(int before) {
    int i = before - 1;
    while (i >= 0 && Character.isWhitespace(source.charAt(i))) {
      i--;
    }
    return i >= 0 ? source.charAt(i) : 0;
  }

  private char peek(int ahead) {
    return pos + ahead < source.length() ? source.charAt(pos + ahead) : 0;
  }

  private void advance() {
    if (pos < source.length() && source.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }
}
