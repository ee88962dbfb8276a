#include "core/process.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

using namespace tally::core;

TEST_CASE("core::run_process feeds a child that answers while it reads") {
  // cat writes back as it reads: with a blocking write of all the input first, both
  // sides would wait on full pipes for ever (git cat-file --batch does the same).
  std::string input;
  for (int i = 0; input.size() < (std::size_t{1} << 20); ++i)
    input += "строка " + std::to_string(i) + "\n";
  auto r = run_process({"cat"}, std::filesystem::temp_directory_path(), {}, input);
  CHECK(r.status == 0);
  CHECK(r.out == input);
}

TEST_CASE("core::run_process survives a child that exits before reading its input") {
  // The write hits a closed pipe: SIGPIPE must neither kill us nor stay pending.
  std::string input(std::size_t{1} << 20, 'x');
  auto r = run_process({"true"}, std::filesystem::temp_directory_path(), {}, input);
  CHECK(r.status == 0);
  sigset_t pending;
  sigpending(&pending);
  CHECK_FALSE(sigismember(&pending, SIGPIPE));
  // From two threads at once, as a commit runs git children side by side.
  auto run = [&] {
    for (int i = 0; i < 20; ++i)
      CHECK(run_process({"true"}, std::filesystem::temp_directory_path(), {}, input).status == 0);
  };
  std::thread other(run);
  run();
  other.join();
}
