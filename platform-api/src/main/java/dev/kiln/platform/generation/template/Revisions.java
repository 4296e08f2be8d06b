package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.TemplateEngine.NotUnderstood;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies follow-up prompts to a manifest, one clause at a time ("add a due date to tasks; rename
 * clients to customers"). Each change touches only what it names: other entities, their fields and
 * their order stay as they were, so the rendered files of other entities do not change.
 */
final class Revisions {

  static final String SUGGESTIONS =
      "Try for example: \"add a due date to tasks\", \"add a priority (low, medium, high) to"
          + " tasks\", \"rename clients to customers\", \"add a page for reports\", \"add an entity"
          + " called vendors with name and email\", \"remove the comments\", \"remove the due date"
          + " from tasks\", \"make the email of customers required\" or \"use supabase\".";

  private static final Pattern LEADING =
      Pattern.compile(
          "^(?:(?:please|pls|also|now|then|and|ok|okay|can you|could you|would you|i want to|i"
              + " would like to|id like to|i'd like to|lets|let's|we need to|you should|kindly)\\s+)+");
  private static final Pattern ADD_TO =
      Pattern.compile(
          "^(?:add|include|put|attach|store|track|record)\\s+(.+?)\\s+(?:to|on|onto|for|in|into)\\s+(?:the\\s+|each\\s+|every\\s+|all\\s+|my\\s+)?(.+)$");
  private static final Pattern GIVE =
      Pattern.compile(
          "^(?:give|let)\\s+(?:the\\s+|each\\s+|every\\s+|all\\s+)?(.+?)\\s+(?:have\\s+)?(?:a|an|some)\\s+(.+)$");
  private static final Pattern SHOULD_HAVE =
      Pattern.compile(
          "^(?:the\\s+|each\\s+|every\\s+|all\\s+)?(.+?)\\s+(?:should|must|need to|needs to|can|could)\\s+have\\s+(.+)$");
  private static final Pattern REMOVE_FROM =
      Pattern.compile(
          "^(?:remove|delete|drop|get rid of)\\s+(?:the\\s+)?(.+?)\\s+from\\s+(?:the\\s+|all\\s+)?(.+)$");
  private static final Pattern REMOVE =
      Pattern.compile(
          "^(?:remove|delete|drop|get rid of)\\s+(?:the\\s+|all\\s+|all the\\s+)?(.+)$");
  private static final Pattern RENAME =
      Pattern.compile("^(?:rename|change)\\s+(?:the\\s+)?(.+?)\\s+(?:to|into|as)\\s+(.+)$");
  private static final Pattern CALL =
      Pattern.compile("^call\\s+(?:the\\s+)?(.+?)\\s+(.+?)(?:\\s+instead)?$");
  private static final Pattern ADD_PAGE =
      Pattern.compile(
          "^(?:add|create|include|make)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?(?:page|screen|view|section)\\s+(?:for|called|named|with|showing|about|of)?\\s*(.+)$");
  private static final Pattern ADD_NAMED_PAGE =
      Pattern.compile(
          "^(?:add|create|include|make)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?(.+?)\\s+(?:page|screen|view)$");
  private static final Pattern ADD_ENTITY =
      Pattern.compile(
          "^(?:add|create|include|track|manage)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?((?:entity|table|model|resource|collection|data type|type|kind of thing)?\\s*(?:called|named|for)?)\\s*(.+?)(?:\\s+(?:with|having|that have|that has|containing|with fields|with the fields)\\s+(.+))?$");
  private static final Pattern REQUIRED =
      Pattern.compile("^make\\s+(?:the\\s+)?(.+?)\\s+(required|mandatory|optional)$");
  private static final Pattern INTEGRATION =
      Pattern.compile(
          "^(?:use|switch to|move to|store data in|connect to|connect)\\s+(supabase|postgres|postgresql)$");

  private final Vocabulary vocabulary;

  Revisions(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Manifest revise(Manifest current, String prompt) {
    Manifest m = current;
    boolean changed = false;
    for (String clause : clauses(prompt)) {
      Optional<Manifest> next = apply(m, clause);
      if (next.isEmpty()) {
        throw new NotUnderstood("Kiln did not understand \"" + clause + "\". " + SUGGESTIONS);
      }
      m = next.get();
      changed = true;
    }
    if (!changed) {
      throw new NotUnderstood("The follow-up is empty. " + SUGGESTIONS);
    }
    return m;
  }

  static List<String> clauses(String prompt) {
    List<String> out = new ArrayList<>();
    String text = prompt.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("[\"`]", "");
    for (String part : text.split("[.;!?\\n]+|,?\\s+and then\\s+|,\\s*then\\s+")) {
      String clause = LEADING.matcher(part.trim().replaceAll("\\s+", " ")).replaceFirst("").trim();
      if (!clause.isEmpty()) {
        out.add(clause);
      }
    }
    return out;
  }

  private Optional<Manifest> apply(Manifest m, String clause) {
    ManifestEdits edits = new ManifestEdits(m, vocabulary);
    Matcher x;
    if ((x = INTEGRATION.matcher(clause)).matches()) {
      return Optional.of(
          edits.integration(x.group(1).startsWith("postgres") ? "postgres" : "supabase"));
    }
    if ((x = REQUIRED.matcher(clause)).matches()) {
      return edits.required(x.group(1), !x.group(2).equals("optional"));
    }
    if ((x = ADD_TO.matcher(clause)).matches() && edits.entity(x.group(2)).isPresent()) {
      return edits.addFields(x.group(2), x.group(1));
    }
    if ((x = GIVE.matcher(clause)).matches() && edits.entity(x.group(1)).isPresent()) {
      return edits.addFields(x.group(1), x.group(2));
    }
    if ((x = SHOULD_HAVE.matcher(clause)).matches() && edits.entity(x.group(1)).isPresent()) {
      return edits.addFields(x.group(1), x.group(2));
    }
    if ((x = REMOVE_FROM.matcher(clause)).matches() && edits.entity(x.group(2)).isPresent()) {
      return edits.removeField(x.group(2), x.group(1));
    }
    if ((x = REMOVE.matcher(clause)).matches()) {
      return edits.remove(x.group(1));
    }
    if ((x = RENAME.matcher(clause)).matches() || (x = CALL.matcher(clause)).matches()) {
      return edits.rename(x.group(1), x.group(2));
    }
    if ((x = ADD_PAGE.matcher(clause)).matches()
        || (x = ADD_NAMED_PAGE.matcher(clause)).matches()) {
      return edits.addPage(x.group(1));
    }
    if ((x = ADD_ENTITY.matcher(clause)).matches()) {
      return edits.addEntity(!x.group(1).isBlank(), x.group(2), x.group(3));
    }
    return Optional.empty();
  }
}
