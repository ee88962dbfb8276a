#include "core/error.hpp"
#include "core/import_map.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

TEST_CASE("core::parse_export_time") {
  Zone msk = Zone::locate("Europe/Moscow");
  auto iso = [&](std::string_view text, bool day_first = false) {
    return format_timestamp(parse_export_time(text, msk, day_first), msk);
  };
  SUBCASE("Russian Bitrix24") {
    CHECK(iso("27.11.2026 14:30:15") == "2026-11-27T14:30:15+03:00");
    CHECK(iso("27.11.2026 14:30") == "2026-11-27T14:30:00+03:00");
    CHECK(iso("27.11.2026") == "2026-11-27T00:00:00+03:00");
  }
  SUBCASE("English Bitrix24: month first, am and pm") {
    CHECK(iso("11/27/2026 02:30:15 pm") == "2026-11-27T14:30:15+03:00");
    CHECK(iso("11/27/2026 12:00:00 am") == "2026-11-27T00:00:00+03:00");
    CHECK(iso("11/27/2026 12:05:00 PM") == "2026-11-27T12:05:00+03:00");
    CHECK(iso("27/11/2026 10:00", true) == "2026-11-27T10:00:00+03:00");
  }
  SUBCASE("ISO") {
    CHECK(iso("2026-11-27") == "2026-11-27T00:00:00+03:00");
    CHECK(iso("2026-11-27T10:00:00Z") == "2026-11-27T13:00:00+03:00");
  }
  SUBCASE("what is not a date") {
    for (const char* bad : {"31.02.2026", "27.11", "27.11.2026 25:00", "11/27/2026 13:00 pm",
                            "27-11.2026", "tomorrow", "", "27.11.2026 10:00 xm"})
      CHECK_THROWS_AS(parse_export_time(bad, msk, false), Error);
  }
}

TEST_CASE("core::currency_code") {
  ImportMap map;
  CHECK(currency_code("Российский рубль", map) == "RUB");
  CHECK(currency_code("US Dollar", map) == "USD");
  CHECK(currency_code("евро", map) == "EUR");
  CHECK(currency_code("kzt", map) == "KZT");
  CHECK(!currency_code("Пиастры", map));
  map.currencies.emplace_back("Пиастры", "XPI");
  CHECK(currency_code("пиастры", map) == "XPI");
}

TEST_CASE("core::stage_group") {
  CHECK(stage_group("В работе") == "");
  CHECK(stage_group("") == "");
  CHECK(stage_group("Сделка успешна") == "won");
  CHECK(stage_group("Won") == "won");
  CHECK(stage_group("Провалена") == "lost");
  CHECK(stage_group("Lost") == "lost");
  CHECK(!stage_group("Где-то"));
}

TEST_CASE("core::map_columns") {
  ImportMap map;
  auto roles =
      map_columns(RecordKind::deal,
                  {"ID", "Название сделки", "Стадия  сделки:", "Deal status",
                   "Предполагаемая дата закрытия", "Регион", "fields.segment", "Непонятно"},
                  map);
  REQUIRE(roles.size() == 8);
  CHECK(roles[0]->col == Col::id);
  CHECK(roles[1]->col == Col::title);
  CHECK(roles[2]->col == Col::stage);
  CHECK(roles[3]->col == Col::status);
  CHECK(roles[4]->col == Col::closed);
  CHECK(roles[5]->field == "region");
  CHECK(roles[6]->field == "segment");
  CHECK(!roles[7]);
  map.columns.emplace_back("amount", "Непонятно");
  CHECK(map_columns(RecordKind::deal, {"непонятно"}, map)[0]->col == Col::amount);
  // The same title means different things for different kinds.
  CHECK(map_columns(RecordKind::company, {"Компания"}, map)[0]->col == Col::title);
  CHECK(map_columns(RecordKind::deal, {"Компания"}, map)[0]->col == Col::company);
}

TEST_CASE("core::login_from_name") {
  CHECK(login_from_name("Мария Кузнецова") == "mariya.kuznetsova");
  CHECK(login_from_name("Пётр Сидоров") == "petr.sidorov");
  CHECK(login_from_name("John O'Neil") == "john.o.neil");
  CHECK(login_from_name("123") == "person");
}
