#include "core/error.hpp"
#include "core/percent.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

TEST_CASE("core::read_percent") {
  SUBCASE("the accepted spellings") {
    for (const char* text :
         {"20%", "20 %", "20", "+20%", "±20%", " 20% ", "20\u00a0%", "20\u202f%"})
      CHECK_MESSAGE(read_percent(std::string_view(text)) == 20, text);
    CHECK(read_percent(std::string_view("0")) == 0);
    CHECK(read_percent(std::string_view("1000%")) == 1000);
  }
  SUBCASE("refused") {
    for (const char* text :
         {"", "%", "0.2", "12.5%", "12,5 %", "-20%", "twenty", "20%%", "2 0", "1234567890"})
      CHECK_MESSAGE(!read_percent(std::string_view(text)), text);
  }
}

TEST_CASE("core::parse_percent") {
  CHECK(parse_percent("15%", "--tolerance", k_tolerance) == 15);
  CHECK(parse_percent("100", "--judge-after", k_share) == 100);
  CHECK_THROWS_WITH_AS(parse_percent("120%", "--judge-after", k_share),
                       "--judge-after 120% is out of range", Error);
  try {
    parse_percent("120%", "--judge-after", k_share);
  } catch (const Error& e) {
    CHECK(e.hint() == "a share of the period is 0% to 100%, such as 25%");
  }
  try {
    parse_percent("0.2", "--tolerance", k_tolerance);
    FAIL("accepted 0.2");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "--tolerance '0.2' is not a percentage");
    CHECK(e.hint() ==
          "a whole percentage such as 20%; whole percent only, and a fraction such as 0.2 is "
          "not read as 20%");
  }
  CHECK_THROWS_AS(parse_percent("1001", "--tolerance", k_tolerance), Error);
}

TEST_CASE("core::read_percent in a file") {
  Problems problems;
  Zone utc = Zone::locate("UTC");
  YamlDoc doc = parse_yaml("a: 20 %\nb: 0.2\nc: 101%\nd: [1]\n", "tally.yaml");
  Reader r{doc, problems, utc};
  CHECK(read_percent(r, doc.root["a"], "a", k_tolerance) == 20);
  CHECK_FALSE(read_percent(r, doc.root["b"], "b", k_tolerance));
  CHECK_FALSE(read_percent(r, doc.root["c"], "c", k_share));
  CHECK_FALSE(read_percent(r, doc.root["d"], "d", k_share));
  REQUIRE(problems.items().size() == 3);
  CHECK(problems.items()[0].starts_with(
      "tally.yaml:2:4: 'b' must be a percentage such as 20%: whole percent only"));
  CHECK(problems.items()[1].starts_with(
      "tally.yaml:3:4: 'c' is 101%: a share of the period is 0% to 100%"));
  CHECK(problems.items()[2].starts_with("tally.yaml:4:4: 'd' must be a percentage such as 25%"));
}
