#include "core/fsutil.hpp"
#include "core/journal.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace tally::core;

TEST_CASE("core::write_journal") {
  fs::path dir = fs::temp_directory_path() / ("tally-journal-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "journal";

  SUBCASE("a change and the files as they were come back as written") {
    Journal j{"task T-1: comment\nmore",
              Identity{"Анна", "anna@example.ru"},
              true,
              {{"tasks/a.yaml", std::string("new\n")}, {"tasks/b.yaml", std::nullopt}},
              {std::string("old\n"), std::nullopt}};
    write_journal(file, j);
    auto back = read_journal(file);
    REQUIRE(back);
    CHECK(back->message == j.message);
    CHECK(back->identity->email == "anna@example.ru");
    REQUIRE(back->changes.size() == 2);
    CHECK(*back->changes[0].content == "new\n");
    CHECK(!back->changes[1].content);
    auto undo = back->undo();
    REQUIRE(undo.size() == 2);
    CHECK(*undo[0].content == "old\n");
    CHECK(!undo[1].content);  // b.yaml was new: undoing removes it
  }
  SUBCASE("a journal of format 1 is finished, never undone") {
    write_file_atomic(
        file,
        "tally-journal 1\n3\nmsg\n1\n0\n0\n\n0\n\n1\n1\n1\n1\n6\na.yaml\n1\nW\n2\nx\n\nend\n");
    auto back = read_journal(file);
    REQUIRE(back);
    CHECK(back->changes.size() == 1);
    CHECK(back->undo().empty());
  }
  SUBCASE("anything else is no journal") {
    write_file_atomic(file, "tally-journal 2\nnonsense\n");
    CHECK(!read_journal(file));
    write_file_atomic(file, "");
    CHECK(!read_journal(file));
  }
  fs::remove_all(dir);
}
