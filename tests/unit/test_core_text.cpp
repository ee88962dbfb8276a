#include "core/text.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

TEST_CASE("core::display_width") {
  CHECK(display_width("ivan") == 4);
  CHECK(display_width("Иван Петров") == 11);
  CHECK(display_width("ООО «Ромашка»") == 13);
  CHECK(display_width("订单") == 4);     // wide CJK
  CHECK(display_width("е\u0301") == 1);  // combining accent takes no column
  CHECK(display_width("") == 0);
}

TEST_CASE("core::truncate_to_width") {
  CHECK(truncate_to_width("Позвонить клиенту", 9) == "Позвонит…");
  CHECK(truncate_to_width("Позвонить", 9) == "Позвонить");
  CHECK(display_width(truncate_to_width("订单订单", 5)) <= 5);
}

TEST_CASE("core::to_lower") {
  CHECK(to_lower("ПТ") == "пт");
  CHECK(to_lower("Пятница") == "пятница");
  CHECK(to_lower("FRIDAY") == "friday");
  CHECK(to_lower("Ёлка") == "ёлка");
}

TEST_CASE("core::valid_utf8") {
  CHECK(valid_utf8("Анна"));
  CHECK_FALSE(valid_utf8("\xff\xfe"));
  CHECK_FALSE(valid_utf8("\xd0"));  // cut in the middle of a character
}

TEST_CASE("core::has_control") {
  CHECK(has_control("a\nb"));
  CHECK(has_control("a\x7f"));
  CHECK(has_control("a\u0085"));  // C1 next line
  CHECK_FALSE(has_control("Анна «Ромашка»"));
  CHECK_FALSE(has_control("a\nb", "\n"));
}

TEST_CASE("core::nearest") {
  std::vector<std::string> logins{"anna", "ivan", "petr", "olga"};
  CHECK(nearest("ivn", logins) == std::vector<std::string>{"ivan"});
  CHECK(nearest("slaes", {"sales", "support"}) == std::vector<std::string>{"sales"});
  CHECK(nearest("zzz", logins).empty());
  CHECK(nearest("vasya", {"masha"}).empty());
  CHECK(edit_distance("slaes", "sales") == 1);
  CHECK(edit_distance("Пётр", "Петр") == 1);
  CHECK(nearest("Пётр", {"пётр"}) == std::vector<std::string>{"пётр"});
}

TEST_CASE("core::split and join") {
  CHECK(split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(join({"a", "b"}, ", ") == "a, b");
  CHECK(trim("  x \n") == "x");
}

TEST_CASE("core::escape_control") {
  using tally::core::escape_control;
  SUBCASE("C0 and DEL as \\xNN, text kept") {
    CHECK(escape_control("x\033[2J\a\x7f") == "x\\x1b[2J\\x07\\x7f");
    CHECK(escape_control("Иван Петров") == "Иван Петров");
  }
  SUBCASE("a C1 character as \\u00NN, a stray byte as \\xNN") {
    CHECK(escape_control("a\xc2\x9b"
                         "b") == "a\\u009bb");
    CHECK(escape_control("a\x9b"
                         "b") == "a\\x9bb");
  }
  SUBCASE("what is kept stays") {
    CHECK(escape_control("a\tb", "\t") == "a\tb");
    CHECK(escape_control("a\tb") == "a\\x09b");
  }
}
