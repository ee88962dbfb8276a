#include "core/error.hpp"
#include "core/yaml_io.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

namespace {

// Emits {value: s} and reads it back with yaml-cpp.
std::string round_trip(const std::string& s) {
  YAML::Node root(YAML::NodeType::Map);
  root["value"] = text_node(s);
  return YAML::Load(emit_yaml(root))["value"].as<std::string>();
}

}  // namespace

TEST_CASE("core::emit_yaml quoting") {
  YAML::Node root(YAML::NodeType::Map);
  SUBCASE("plain where safe, Cyrillic kept as is") {
    root["title"] = text_node("Позвонить ООО «Ромашка»");
    CHECK(emit_yaml(root) == "title: Позвонить ООО «Ромашка»\n");
  }
  SUBCASE("text that a reader would take for another type is quoted") {
    for (const char* s : {"1042", "yes", "no", "on", "null", "~", "true", "3.5", "18:00",
                          "2026-11-28", "0x1F", ".inf", "1e3"}) {
      root["v"] = text_node(s);
      CHECK(emit_yaml(root) == "v: \"" + std::string(s) + "\"\n");
    }
  }
  SUBCASE("plain scalars stay plain") {
    root["deadline"] = "2026-11-28T18:00:00+03:00";
    root["amount"] = "12000000.50";
    CHECK(emit_yaml(root) == "deadline: 2026-11-28T18:00:00+03:00\namount: 12000000.50\n");
  }
  SUBCASE("syntax characters force quotes") {
    root["a"] = text_node("key: value");
    root["b"] = text_node("# not a comment");
    root["c"] = text_node("- dash");
    root["d"] = text_node(" leading space");
    root["e"] = text_node("say \"hi\"");
    root["f"] = text_node("");
    CHECK(emit_yaml(root) ==
          "a: \"key: value\"\nb: \"# not a comment\"\nc: \"- dash\"\nd: \" leading space\"\n"
          "e: say \"hi\"\nf: \"\"\n");
  }
  SUBCASE("multi-line text becomes a literal block") {
    root["description"] = text_node("Первая строка\n  вторая с отступом\n\nчетвёртая");
    CHECK(emit_yaml(root) ==
          "description: |-\n  Первая строка\n    вторая с отступом\n\n  четвёртая\n");
  }
  SUBCASE("empty containers") {
    root["tags"] = YAML::Node(YAML::NodeType::Sequence);
    root["extra"] = YAML::Node(YAML::NodeType::Map);
    CHECK(emit_yaml(root) == "tags: []\nextra: {}\n");
  }
  SUBCASE("lists of maps") {
    YAML::Node log(YAML::NodeType::Sequence);
    YAML::Node entry(YAML::NodeType::Map);
    entry["at"] = "2026-11-27T10:00:00+03:00";
    entry["by"] = text_node("anna");
    log.push_back(entry);
    root["log"] = log;
    CHECK(emit_yaml(root) == "log:\n  - at: 2026-11-27T10:00:00+03:00\n    by: anna\n");
  }
}

TEST_CASE("core::emit_yaml round trip of tricky text") {
  const char* cases[] = {"Позвонить",
                         "a: b",
                         "#x",
                         "x #y",
                         "-",
                         "- x",
                         "?",
                         ": x",
                         "[x]",
                         "{x}",
                         "'quoted'",
                         "\"dq\"",
                         "back\\slash",
                         "tab\there",
                         "line\nbreak",
                         "trailing newline\n",
                         "two\n\n",
                         "\n leading",
                         "nul\x01",
                         "bell\x07",
                         "del\x7f",
                         "c1 \u0085 next",
                         "ls \u2028 sep",
                         "bom \uFEFF",
                         "emoji 🙂",
                         "  ",
                         "trailing ",
                         "*alias",
                         "&anchor",
                         "!tag",
                         "|",
                         ">",
                         "%",
                         "@",
                         "`",
                         "---",
                         "...",
                         "yes",
                         "No",
                         "0o17",
                         "+1",
                         "-1",
                         "1_000",
                         "null",
                         "NULL",
                         "2026-11-28 18:00",
                         "12:30:45",
                         "тире — «ёлки»",
                         "x\r\ny"};
  for (const char* c : cases) {
    CAPTURE(c);
    CHECK(round_trip(c) == c);
  }
}

TEST_CASE("core::parse_yaml errors") {
  SUBCASE("syntax error names file:line:column and shows a caret") {
    try {
      parse_yaml("a: 1\nname: Анна: Смирнова\n", "people.yaml");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "people.yaml:2:11: illegal map value");
      CHECK(e.detail() == "  name: Анна: Смирнова\n            ^");
    }
  }
  SUBCASE("invalid UTF-8 points at the byte") {
    try {
      parse_yaml("a: 1\nb: \xd0\x90\xff\n", "x.yaml");
      FAIL("no error");
    } catch (const Error& e) {
      // Columns count characters, as in every other message: "b: А" is 4 of them.
      CHECK(std::string(e.what()) == "x.yaml:2:5: the file is not valid UTF-8");
      CHECK(e.detail() == "  b: А\xEF\xBF\xBD\n      ^");
    }
  }
  SUBCASE("NUL bytes") {
    CHECK_THROWS_AS(parse_yaml(std::string("a: \0", 4), "x.yaml"), Error);
  }
}
