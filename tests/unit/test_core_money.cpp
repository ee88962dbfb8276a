#include "core/error.hpp"
#include "core/money.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

TEST_CASE("core::Money::parse") {
  SUBCASE("plain digits") {
    CHECK(Money::parse("12000000").cents == 1200000000);
  }
  SUBCASE("Russian: spaces and a decimal comma") {
    CHECK(Money::parse("12 000 000,50").cents == 1200000050);
    CHECK(Money::parse("12\u00A0000\u00A0000,5").cents == 1200000050);
    CHECK(Money::parse("1\u202F500,05").cents == 150005);
  }
  SUBCASE("English: comma groups and a decimal point") {
    CHECK(Money::parse("12,000,000.50").cents == 1200000050);
    CHECK(Money::parse("12000000.5").cents == 1200000050);
  }
  SUBCASE("comma groups without decimals") {
    CHECK(Money::parse("12,000,000").cents == 1200000000);
  }
  SUBCASE("small amounts exactly") {
    CHECK(Money::parse("0.10").cents == 10);
    CHECK(Money::parse("0,01").cents == 1);
    CHECK(Money::parse("33 333 333,33").cents == 3333333333);
  }
  SUBCASE("negative") {
    CHECK(Money::parse("-300").cents == -30000);
  }
  SUBCASE("rejected") {
    for (const char* bad : {"", "abc", "12.345.6", "1.2.3", "1,23,456", "12,000,0000", "1.234",
                            "1.005", "--5", "12 000 000,5 руб", "99999999999999999999"})
      CHECK_THROWS_AS(Money::parse(bad), Error);
  }
}

TEST_CASE("core::Money::to_string") {
  CHECK(Money{1200000050}.to_string() == "12000000.50");
  CHECK(Money{10}.to_string() == "0.10");
  CHECK(Money{-30000}.to_string() == "-300.00");
  CHECK(Money::parse(Money{123456789}.to_string()).cents == 123456789);
}

TEST_CASE("core::Money::to_human") {
  CHECK(Money{1200000050}.to_human() == "12 000 000,50");
  CHECK(Money{1200000000}.to_human() == "12 000 000");
  CHECK(Money{99900}.to_human() == "999");
  CHECK(Money{-100000}.to_human() == "-1 000");
}
