#include "core/error.hpp"
#include "core/ids.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tally::core;

TEST_CASE("core::new_id") {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    std::string id = new_id("T-");
    CHECK(is_task_id(id));
    seen.insert(id);
  }
  CHECK(seen.size() == 2000);  // 50 random bits: a collision here means a broken source
  CHECK(new_id("D-").starts_with("D-"));
  CHECK(new_id("D-").size() == 12);
}

TEST_CASE("core::normalize_task_id") {
  CHECK(normalize_task_id("t-4f7k") == "T-4F7K");
  CHECK(normalize_task_id("4f7k") == "T-4F7K");
  CHECK(normalize_task_id(" T-4F7K ") == "T-4F7K");
  SUBCASE("Crockford look-alikes") {
    CHECK(normalize_task_id("t-olio") == "T-0110");
    CHECK(normalize_task_id("IL0O") == "T-1100");
  }
}

TEST_CASE("core::is_task_id") {
  CHECK(is_task_id("T-0123456789"));
  CHECK(is_task_id("T-ABCDEFGHJK"));
  CHECK_FALSE(is_task_id("T-012345678"));
  CHECK_FALSE(is_task_id("T-01234567890"));
  CHECK_FALSE(is_task_id("T-ABCDEFGHIK"));  // I is not Crockford
  CHECK_FALSE(is_task_id("X-0123456789"));
  CHECK_FALSE(is_task_id("T-abcdefghjk"));
}

TEST_CASE("core::is_safe_record_id") {
  CHECK(is_safe_record_id("1042"));
  CHECK(is_safe_record_id("D-0123456789"));
  CHECK(is_safe_record_id("deal_17.a"));
  CHECK_FALSE(is_safe_record_id(""));
  CHECK_FALSE(is_safe_record_id("../etc"));
  CHECK_FALSE(is_safe_record_id("a/b"));
  CHECK_FALSE(is_safe_record_id(".hidden"));
  CHECK_FALSE(is_safe_record_id("сделка"));
  CHECK_FALSE(is_safe_record_id(std::string(65, 'a')));
}

TEST_CASE("core::shortest_prefix agrees with shortest_prefixes") {
  std::vector<std::string> ids{"T-ABCDE00000", "T-ABCDF00000", "T-ABCDF00001",
                               "T-QQQQ000000", "T-QQQQ100000", "T-ZZZZZZZZZZ"};
  auto all = shortest_prefixes(ids, 2, 4);
  for (size_t i = 0; i < ids.size(); ++i) CHECK(shortest_prefix(ids, ids[i], 2, 4) == all[i]);
  CHECK(shortest_prefix(ids, "T-ABCDF00002", 2, 4) == "T-ABCDF00002");  // not in the list
  CHECK(shortest_prefix({}, "T-ABCDEFGHJK", 2, 4) == "T-ABCD");
}

TEST_CASE("core::shortest_prefixes") {
  SUBCASE("at least four characters after T-") {
    auto p = shortest_prefixes({"T-ABCDEFGHJK", "T-ZZZZZZZZZZ"}, 2, 4);
    CHECK(p == std::vector<std::string>{"T-ABCD", "T-ZZZZ"});
  }
  SUBCASE("longer where IDs share a prefix") {
    auto p = shortest_prefixes({"T-ABCDE00000", "T-ABCDF00000", "T-QQQQ000000"}, 2, 4);
    CHECK(p == std::vector<std::string>{"T-ABCDE", "T-ABCDF", "T-QQQQ"});
  }
  SUBCASE("unsorted input keeps its order") {
    auto p = shortest_prefixes({"T-ZZZZZZZZZZ", "T-ABCDEFGHJK"}, 2, 4);
    CHECK(p == std::vector<std::string>{"T-ZZZZ", "T-ABCD"});
  }
}

TEST_CASE("core::resolve_prefix") {
  std::vector<std::string> ids{"T-AAAA000001", "T-AAAA000002", "T-BBBB000001"};
  CHECK(resolve_prefix("T-BBBB", ids, "task") == "T-BBBB000001");
  CHECK(resolve_prefix("T-AAAA000002", ids, "task") == "T-AAAA000002");
  SUBCASE("ambiguous lists the candidates") {
    try {
      resolve_prefix("T-AAAA", ids, "task");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "task T-AAAA is ambiguous");
      CHECK(e.hint() == "it matches T-AAAA000001, T-AAAA000002; type more characters");
      CHECK(e.exit_code() == Exit::usage);
    }
  }
  SUBCASE("unknown suggests the nearest") {
    try {
      resolve_prefix("T-BBBC", ids, "task");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "no task T-BBBC");
      CHECK(e.hint() == "did you mean T-BBBB000001?");
    }
  }
}
