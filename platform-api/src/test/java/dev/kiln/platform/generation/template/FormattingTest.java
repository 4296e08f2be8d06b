package dev.kiln.platform.generation.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.generation.template.TsCode.Obj;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writers lay code out as Prettier does, so that the platform's Prettier run changes nothing
 * (TemplateAppsBuildIT checks every file with Prettier itself).
 */
class FormattingTest {

  @Test
  void jsonObjectsExpandAndShortArraysStayOnOneLine() {
    var root = PrettyJson.object();
    root.put("name", "x");
    root.set("values", PrettyJson.strings(List.of("a", "b")));
    root.putArray("objects").addObject().put("k", 1);
    root.putObject("empty");
    assertThat(PrettyJson.print(root))
        .isEqualTo(
            """
            {
              "name": "x",
              "values": ["a", "b"],
              "objects": [
                {
                  "k": 1
                }
              ],
              "empty": {}
            }
            """);
  }

  @Test
  void jsonArraysBreakWhenTheyPassEightyColumns() {
    var root = PrettyJson.object();
    root.set("values", PrettyJson.strings(List.of("a".repeat(30), "b".repeat(30), "c")));
    assertThat(PrettyJson.print(root)).contains("\"values\": [\n    \"aaaa");
  }

  @Test
  void typescriptStringsTakeTheQuotesPrettierPrefers() {
    assertThat(TsCode.string("plain")).isEqualTo("\"plain\"");
    assertThat(TsCode.string("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(TsCode.string("it's")).isEqualTo("\"it's\"");
    assertThat(TsCode.string("a\\b")).isEqualTo("\"a\\\\b\"");
  }

  @Test
  void objectsFitOnOneLineOrBreakWithTrailingCommas() {
    Map<String, Object> small = new LinkedHashMap<>();
    small.put("name", "dueDate");
    small.put("required", false);
    assertThat(TsCode.assignment("const a", new Obj(small, false)))
        .isEqualTo("const a = { name: \"dueDate\", required: false };\n");
    assertThat(TsCode.assignment("const a", new Obj(small, true)))
        .isEqualTo("const a = {\n  name: \"dueDate\",\n  required: false,\n};\n");
    Map<String, Object> long_ = new LinkedHashMap<>();
    long_.put("description", "x".repeat(80));
    assertThat(TsCode.assignment("const a", new Obj(long_, true)))
        .isEqualTo("const a = {\n  description:\n    \"" + "x".repeat(80) + "\",\n};\n");
  }

  @Test
  void unionsBreakInTwoSteps() {
    assertThat(TsCode.unionType("A", List.of("x", "y")))
        .isEqualTo("export type A = \"x\" | \"y\";\n");
    assertThat(
            TsCode.unionType(
                "AppointmentStatus",
                List.of("scheduled", "confirmed", "completed", "cancelled", "no_show")))
        .isEqualTo(
            "export type AppointmentStatus =\n  \"scheduled\" | \"confirmed\" | \"completed\" | \"cancelled\" | \"no_show\";\n");
    assertThat(TsCode.unionType("T", List.of("a".repeat(30), "b".repeat(30), "c".repeat(30))))
        .startsWith("export type T =\n  | \"aaa");
  }

  @Test
  void markdownTablesArePadded() {
    assertThat(Readme.table(List.of(List.of("role", "may"), List.of("admin", "everything"))))
        .isEqualTo("| role  | may        |\n| ----- | ---------- |\n| admin | everything |\n");
  }

  @Test
  void namesTurnIntoEverySpelling() {
    assertThat(Names.plural("category")).isEqualTo("categories");
    assertThat(Names.plural("class")).isEqualTo("classes");
    assertThat(Names.plural("time_entry")).isEqualTo("time_entries");
    assertThat(Names.plural("person")).isEqualTo("people");
    assertThat(Names.singular("statuses")).isEqualTo("status");
    assertThat(Names.singular("courses")).isEqualTo("course");
    assertThat(Names.singular("boxes")).isEqualTo("box");
    assertThat(Names.isPlural("status")).isFalse();
    assertThat(Names.isPlural("inventory")).isFalse();
    assertThat(Names.isPlural("check_ins")).isTrue();
    assertThat(Names.camel("time_entry")).isEqualTo("timeEntry");
    assertThat(Names.label("date_of_birth")).isEqualTo("Date of birth");
    assertThat(Names.label("sku")).isEqualTo("SKU");
    assertThat(Names.title("dental clinic crm")).isEqualTo("Dental Clinic CRM");
  }
}
