// The limits that keep hostile input bounded (core/yaml_io, core/ids): each one
// at its edge, just inside and just past it, with the message it gives.
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/people.hpp"
#include "core/text.hpp"
#include "core/yaml_io.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace tally::core;
using namespace std::string_literals;

namespace {

// The message of the Error that parse_yaml throws for text, or "" when it parses.
std::string refusal(const std::string& text) {
  try {
    parse_yaml(text, "t.yaml");
  } catch (const Error& e) {
    return std::string(e.what()) + (e.detail().empty() ? "" : "\n" + e.detail());
  }
  return {};
}

std::string nested(int depth) {
  return std::string(static_cast<size_t>(depth), '[') +
         std::string(static_cast<size_t>(depth), ']');
}

}  // namespace

TEST_CASE("core::parse_yaml size limit") {
  std::string fits = "x: " + std::string(YamlLimits::max_bytes - 4, 'a') + "\n";
  REQUIRE(fits.size() == YamlLimits::max_bytes);
  CHECK(refusal(fits).empty());
  CHECK(refusal(fits + " ") == "t.yaml: the file is too large (1025 KiB, the limit is 1 MiB)");
}

TEST_CASE("core::load_yaml_file refuses a large file unread") {
  auto dir = std::filesystem::temp_directory_path() / "tally-test-hostile";
  std::filesystem::create_directories(dir);
  auto file = dir / "big.yaml";
  std::ofstream(file, std::ios::binary) << "x: ";
  std::filesystem::resize_file(file, std::uintmax_t{100} << 20);  // sparse: nothing to write
  try {
    load_yaml_file(file, "tasks/big.yaml");
    FAIL("a 100 MiB file was read");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "tasks/big.yaml: the file is too large (100.0 MiB, the limit is 1 MiB)");
    CHECK(e.exit_code() == Exit::usage);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("core::parse_yaml nesting limit") {
  // The document's own list is level 1.
  CHECK(refusal(nested(YamlLimits::max_depth)).empty());
  std::string deep = refusal(nested(YamlLimits::max_depth + 1));
  CHECK(deep.starts_with("t.yaml:1:65: lists and maps are nested more than 64 deep\n"));
  SUBCASE("10 000 levels end at the limit, not in a stack overflow") {
    CHECK(refusal(nested(10000)).starts_with("t.yaml:1:65: lists and maps are nested"));
  }
}

TEST_CASE("core::parse_yaml value limit") {
  std::string list = "[";  // the list itself is one value
  for (size_t i = 2; i < YamlLimits::max_values; ++i) list += "1,";
  CHECK(refusal(list + "1]").empty());
  std::string over = refusal(list + "1,1]");
  CHECK(over.starts_with("t.yaml:1:"));
  CHECK(over.find(": the file has more than 100000 values\n") != std::string::npos);
}

TEST_CASE("core::parse_yaml refuses anchors and aliases") {
  SUBCASE("a billion laughs") {
    std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
      std::string prev(1, static_cast<char>(c - 1));
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 9; ++i) bomb += (i ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    CHECK(refusal(bomb) ==
          "t.yaml:1:4: anchors and aliases (&name, *name) are not allowed in a store file\n"
          "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
          "     ^");
  }
  SUBCASE("an anchor alone") {
    CHECK(!refusal("a: &x 1\n").empty());
  }
  SUBCASE("a merge key") {
    CHECK(!refusal("b: &b {x: 1}\nc:\n  <<: *b\n").empty());
  }
}

TEST_CASE("core::parse_yaml keys") {
  CHECK(refusal("? [a]\n: 1\n").starts_with("t.yaml:1:3: a key must be text"));
  CHECK(refusal("null: 1\n").starts_with("t.yaml:1:1: a key must be text"));
  CHECK(refusal("\"null\": 1\n").empty());
  CHECK(refusal("a: 1\nb: 2\na: 3\n")
            .starts_with("t.yaml:3:1: the key 'a' is repeated (first on line 1)"));
  CHECK(refusal("a: {x: 1}\nb: {x: 1}\n").empty());  // the same key in two maps
  CHECK(refusal(std::string(YamlLimits::max_key_bytes, 'k') + ": 1\n").empty());
  CHECK(refusal(std::string(YamlLimits::max_key_bytes + 1, 'k') + ": 1\n")
            .starts_with("t.yaml:1:1: a key is longer than 200 bytes"));
}

TEST_CASE("core::parse_yaml bytes") {
  SUBCASE("NUL, pointed at in characters") {
    CHECK(refusal("a: 1\nимя: Ан\0на\n"s) ==
          "t.yaml:2:8: the file contains a NUL byte\n"
          "  имя: Ан\xEF\xBF\xBDна\n"
          "         ^");
  }
  SUBCASE("invalid UTF-8") {
    CHECK(refusal("a: \xD0\x28\n").starts_with("t.yaml:1:4: the file is not valid UTF-8"));
    CHECK(refusal("a: \xC0\xAF\n").starts_with("t.yaml:1:4: the file is not valid UTF-8"));
    CHECK(refusal("a: \xED\xA0\x80\n").starts_with("t.yaml:1:4: the file is not valid UTF-8"));
    CHECK(refusal("a: \xF4\x90\x80\x80\n").starts_with("t.yaml:1:4: the file is not valid UTF-8"));
    CHECK(refusal("a: \xE2\x82").starts_with("t.yaml:1:4: the file is not valid UTF-8"));
    CHECK(refusal("a: Анна \xF0\x9F\x98\x80\n").empty());
  }
  SUBCASE("a message never carries a bad byte or a control character") {
    std::string m = refusal("a: \"\\\xEF\xBB\xBF\"\n");  // yaml-cpp names the byte after '\'
    CHECK(!m.empty());
    CHECK(valid_utf8(m));
    CHECK(refusal("a: 1\nb: \"x\x1b[31m\n").find('\x1b') == std::string::npos);
  }
}

TEST_CASE("core::parse_yaml cuts a long line around the caret") {
  std::string m = refusal("a: [" + std::string(5000, 'x') + "\n");
  auto nl = m.find('\n');
  REQUIRE(nl != std::string::npos);
  CHECK(m.size() - nl < 250);
}

TEST_CASE("core::is_safe_file_name") {
  CHECK(is_safe_file_name("T-048R5C6D35"));
  CHECK(is_safe_file_name("1042"));
  CHECK(is_safe_file_name("Ромашка-17"));
  const std::vector<std::string> bad{"",        "../x", "a/b",   "a\\b",      "..",       "a..b",
                                     ".hidden", "a\tb", "a\0b"s, "a\x1b[31m", "\xC2\x85", "\xFF"};
  for (const auto& name : bad) {
    CAPTURE(name);
    CHECK_FALSE(is_safe_file_name(name));
  }
  CHECK_FALSE(is_safe_file_name(std::string(129, 'a')));
}

TEST_CASE("core::is_safe_record_id refuses '..'") {
  CHECK(is_safe_record_id("a.b"));
  CHECK_FALSE(is_safe_record_id("10..42"));
  CHECK_FALSE(is_safe_record_id("deal/../../x"));
}

TEST_CASE("core::is_task_id_prefix") {
  CHECK(is_task_id_prefix("T-048R"));
  CHECK(is_task_id_prefix("T-048R5C6D35"));
  CHECK_FALSE(is_task_id_prefix("T-048R5C6D35A"));
  CHECK_FALSE(is_task_id_prefix("T-../X"));
  CHECK_FALSE(is_task_id_prefix("T-048R/"));
}

TEST_CASE("core::is_safe_store_path") {
  CHECK(is_safe_store_path("tasks/2026/11/T-048R5C6D35.yaml"));
  CHECK(is_safe_store_path("people.yaml"));
  CHECK_FALSE(is_safe_store_path(""));
  CHECK_FALSE(is_safe_store_path("/etc/passwd"));
  CHECK_FALSE(is_safe_store_path("deals/../../x.yaml"));
  CHECK_FALSE(is_safe_store_path("deals/.x.yaml"));
}

TEST_CASE("core::parse_people refuses control characters in names") {
  auto doc = parse_yaml("people:\n  - login: anna\n    name: \"Анна\\e[2J\"\n", "people.yaml");
  try {
    parse_people(doc);
    FAIL("a name with ESC was read");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "people.yaml:3:11: 'name' must be one line of text");
  }
}
