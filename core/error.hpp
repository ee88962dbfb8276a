// The one error type of tally. Core code throws it; main() catches it, prints
// "tally: error: <what>" plus the hint, and exits with the code it carries.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace tally::core {

// Exit codes documented in tally(1).
enum class Exit : int {
  ok = 0,
  found = 1,   // the command ran and found what it checks for
  usage = 2,   // bad usage or bad data; nothing was changed
  failed = 3,  // the environment failed us (git, file system); see the message
  partial = 4,  // done, but some files could not be read and were left out (warnings say which)
};

class Error : public std::runtime_error {
 public:
  template <typename... Args>
  explicit Error(fmt::format_string<Args...> format, Args&&... args)
      : std::runtime_error(fmt::format(format, std::forward<Args>(args)...)) {}

  // Adds a hint line ("did you mean T-4F7K?", "known people: anna, ivan").
  Error&& hint(std::string text) && {
    m_hint = std::move(text);
    return std::move(*this);
  }
  // Sets a detail block printed after the message (a source line and a caret).
  Error&& detail(std::string text) && {
    m_detail = std::move(text);
    return std::move(*this);
  }
  Error&& exit(Exit code) && {
    m_exit = code;
    return std::move(*this);
  }

  const std::string& hint() const { return m_hint; }
  const std::string& detail() const { return m_detail; }
  Exit exit_code() const { return m_exit; }

 private:
  std::string m_hint;
  std::string m_detail;
  Exit m_exit = Exit::usage;
};

}  // namespace tally::core
