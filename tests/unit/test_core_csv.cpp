#include "core/csv.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace tally::core;

namespace {

struct Read {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  char delimiter = 0;
  std::string encoding;
};

Read read_all(const std::string& bytes, CsvOptions options = {}) {
  std::istringstream in(bytes);
  CsvReader reader(in, "test.csv", options);
  Read r;
  r.header = reader.header();
  CsvRow row;
  while (reader.next(row)) r.rows.push_back(row);
  r.delimiter = reader.delimiter();
  r.encoding = reader.encoding();
  return r;
}

using Values = std::vector<std::string>;

}  // namespace

TEST_CASE("core::CsvReader") {
  SUBCASE("Bitrix24 layout: BOM, ';', every value quoted, a ';' ending each line") {
    auto r =
        read_all("\xEF\xBB\xBF\"ID\";\"Название\";\r\n\"1\";\"Ромашка\";\r\n\"2\";\"Лютик\";\r\n");
    CHECK(r.encoding == "UTF-8 with BOM");
    CHECK(r.delimiter == ';');
    CHECK(r.header == Values{"ID", "Название"});
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].values == Values{"1", "Ромашка"});
    CHECK(r.rows[1].line == 3);
    CHECK(r.rows[1].error.empty());
  }
  SUBCASE("the delimiter is the one the header uses") {
    CHECK(read_all("a,b,c\n1,2,3\n").delimiter == ',');
    CHECK(read_all("a\tb\n1\t2\n").delimiter == '\t');
    CHECK(read_all("\"a,b\";c\n1;2\n").delimiter == ';');
    CHECK(read_all("a;b\n1;2\n", {',', "", 1 << 20}).header == Values{"a;b"});
  }
  SUBCASE("quoted values with line breaks, doubled quotes and delimiters") {
    auto r = read_all("id;text;n\n1;\"two\r\nlines; \"\"quoted\"\"\";x\n2;plain;y\n");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].values == Values{"1", "two\nlines; \"quoted\"", "x"});
    CHECK(r.rows[0].line == 2);
    CHECK(r.rows[0].end_line == 3);
    CHECK(r.rows[1].line == 4);
  }
  SUBCASE("a quote that is not doubled rejects its row only") {
    auto r = read_all("id;t\n1;\"a \"b\" c\"\n2;ok\n");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].line == 2);
    CHECK(r.rows[0].error.find("not doubled") != std::string::npos);
    CHECK(r.rows[1].values == Values{"2", "ok"});
    CHECK(r.rows[1].error.empty());
  }
  SUBCASE("an unclosed quote: the reader goes on at the next line that is a whole row") {
    auto r = read_all("id;t\n1;\"open\n2;ok\n3;\"fine\"\n");
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].line == 2);
    CHECK(!r.rows[0].error.empty());
    CHECK(r.rows[1].values == Values{"2", "ok"});
    CHECK(r.rows[1].line == 3);
    CHECK(r.rows[2].values == Values{"3", "fine"});
  }
  SUBCASE("an unclosed quote at the end of the file") {
    auto r = read_all("id;t\n1;a\n2;\"never closed\n");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].error.find("never closed") != std::string::npos);
  }
  SUBCASE("lines that follow a broken row without being rows go with it") {
    auto r = read_all("id;t\n1;\"x\"y\ncontinued\n2;ok\n");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].line == 2);
    CHECK(r.rows[0].end_line == 3);
    CHECK(r.rows[1].values == Values{"2", "ok"});
  }
  SUBCASE("a row with a different number of values") {
    auto r = read_all("a;b;c\n1;2\n1;2;3;\n");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].error == "it has 2 values, the header has 3");
    CHECK(r.rows[1].error.empty());
  }
  SUBCASE("blank lines are skipped; no newline at the end is fine") {
    auto r = read_all("a;b\n\n1;2\n\n3;4");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].values == Values{"3", "4"});
    CHECK(r.rows[1].line == 5);
  }
  SUBCASE("empty input and a header alone") {
    CHECK(read_all("").header.empty());
    auto r = read_all("\xEF\xBB\xBF\"ID\";\"Name\";\r\n");
    CHECK(r.header == Values{"ID", "Name"});
    CHECK(r.rows.empty());
  }
  SUBCASE("Windows-1251 without a BOM is converted") {
    // "ID;Имя\n1;Ёжик\n" in Windows-1251.
    auto r = read_all("ID;\xC8\xEC\xFF\n1;\xA8\xE6\xE8\xEA\n");
    CHECK(r.encoding == "WINDOWS-1251");
    CHECK(r.header == Values{"ID", "Имя"});
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].values == Values{"1", "Ёжик"});
  }
  SUBCASE("a named encoding") {
    // "id;город\n" in KOI8-R.
    auto r = read_all("id;\xC7\xCF\xD2\xCF\xC4\n", {0, "KOI8-R", 1 << 20});
    CHECK(r.header == Values{"id", "город"});
    CHECK_THROWS_AS(read_all("a\n", {0, "NO-SUCH-ENCODING", 1 << 20}), Error);
  }
  SUBCASE("text across chunk boundaries stays whole") {
    std::string big = "id;text\n";
    std::string value(70000, 'x');
    value += "Ёжик";
    for (int i = 0; i < 3; ++i) big += std::to_string(i) + ";\"" + value + "\"\n";
    auto r = read_all(big);
    REQUIRE(r.rows.size() == 3);
    for (const auto& row : r.rows) CHECK(row.values[1] == value);
  }
  SUBCASE("binary input is an error, not rows") {
    std::string zip("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
    CHECK_THROWS_AS(read_all(zip), Error);
    CHECK_THROWS_AS(read_all(std::string("id;t\n1;a\x01\x02\x03\n")), Error);
    std::string late = "id;t\n";
    for (int i = 0; i < 20000; ++i) late += "1;abcdef\n";
    late += std::string("2;\0\0", 4);
    CHECK_THROWS_AS(read_all(late), Error);
  }
  SUBCASE("a row that is not UTF-8, after the start of a UTF-8 file, is rejected") {
    std::string text = "id;t\n1;\xD0\x9F\n";
    for (int i = 0; i < 10000; ++i) text += "2;abcdefgh\n";
    text += "3;\xFF\xFE\n4;ok\n";
    auto r = read_all(text);
    CHECK(r.encoding == "UTF-8");
    REQUIRE(r.rows.size() == 10003);
    CHECK(r.rows[0].values[1] == "П");
    CHECK(r.rows[10001].error.find("UTF-8") != std::string::npos);
    CHECK(r.rows[10002].error.empty());
  }
}
