// Exact money: an integer count of kopecks (hundredths), never binary floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tally::core {

struct Money {
  std::int64_t cents = 0;

  // Accepts "12000000", "12 000 000,50", "12,000,000.50", "12000000.5", "-300",
  // with ordinary, no-break or thin spaces between groups. Throws Error otherwise
  // (more than two fractional digits included: amounts are never rounded silently).
  static Money parse(std::string_view text);

  // "12000000.50": the store's form (plain digits, point, two decimals).
  std::string to_string() const;
  // "12 000 000,50" with no-break-free ordinary spaces: the human form for tables.
  std::string to_human() const;

  friend auto operator<=>(const Money&, const Money&) = default;
  Money operator+(Money o) const { return {cents + o.cents}; }
  Money operator-(Money o) const { return {cents - o.cents}; }
};

}  // namespace tally::core
