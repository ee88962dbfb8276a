#include "core/fsutil.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace tally::core;
namespace fs = std::filesystem;

TEST_CASE("core::write_file_atomic writes into a pipe instead of replacing it") {
  // (--out /dev/null once turned /dev/null into a plain file for the whole machine.)
  fs::path dir = fs::temp_directory_path() / ("tally-fsutil-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path fifo = dir / "feed";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] {
    std::ifstream in(fifo);
    std::ostringstream all;
    all << in.rdbuf();
    got = all.str();
  });
  write_file_atomic(fifo, "BEGIN:VCALENDAR\n");
  reader.join();
  CHECK(got == "BEGIN:VCALENDAR\n");
  CHECK(fs::is_fifo(fifo));
  fs::remove_all(dir);
}
