// Fuzz targets for the store's loaders: the bytes of one file go through
// parse_yaml and one loader (task, people, plan, settings or record). Bad input
// must end in core::Error; anything else (a crash, a leak, undefined behaviour,
// another exception) is a bug. Input the loader accepts must survive a round
// trip: written back, read again and written again, it gives the same bytes.
//
// TALLY_FUZZ_LOADER picks the loader at compile time, one binary per loader so
// that each has a corpus of plain YAML files in tests/fuzz/corpus/<loader>/.
// Built with libFuzzer by -DTALLY_FUZZ=ON (make fuzz); built without it, the
// same file is the replay test that runs every corpus file in `make test`.
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/people.hpp"
#include "core/plan.hpp"
#include "core/records.hpp"
#include "core/settings.hpp"
#include "core/task.hpp"
#include "core/text.hpp"
#include "core/yaml_io.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#ifndef TALLY_FUZZ_LOADER
#error "define TALLY_FUZZ_LOADER as 1 (task), 2 (people), 3 (plan), 4 (settings) or 5 (record)"
#endif

namespace {

using namespace tally::core;
namespace fs = std::filesystem;

const Zone& zone() {
  static const Zone z = Zone::locate("Europe/Moscow");
  return z;
}

// The value of a top-level key when it is text, else "".
std::string top_text(const YamlDoc& doc, const char* key) {
  if (!doc.root.IsMap()) return {};
  const YAML::Node& root = doc.root;
  const YAML::Node v = root[key];
  return v && v.IsScalar() ? v.Scalar() : std::string();
}

// Where the file would live in a store, so that the loaders' "id equals the
// file name" checks pass for input that deserves it.
fs::path shown_path(const YamlDoc& doc) {
  switch (TALLY_FUZZ_LOADER) {
    case 1: {
      std::string id = top_text(doc, "id");
      return fs::path("tasks/2026/11") / ((is_task_id(id) ? id : "T-0000000000") + ".yaml");
    }
    case 2:
      return "people.yaml";
    case 3: {
      std::string period = top_text(doc, "period");
      return fs::path("plans") / ((is_safe_file_name(period) ? period : "2026-11") + ".yaml");
    }
    case 4:
      return "tally.yaml";
    default: {
      std::string id = top_text(doc, "id");
      return fs::path("deals") / ((is_safe_file_name(id) ? id : "1042") + ".yaml");
    }
  }
}

// Loads a document with the chosen loader and writes it back.
std::string load_and_write(const YamlDoc& doc) {
  switch (TALLY_FUZZ_LOADER) {
    case 1:
      return task_to_yaml(parse_task(doc, zone()));
    case 2:
      return people_to_yaml(parse_people(doc));
    case 3:
      return plan_to_yaml(parse_plan(doc, {}));
    case 4:
      return settings_to_yaml(parse_settings(doc));
    default:
      return record_to_yaml(parse_record(doc, RecordKind::deal, zone()));
  }
}

[[noreturn]] void bug(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_loaders: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string written;
  fs::path path;
  try {
    YamlDoc first = parse_yaml(text, "input.yaml");
    path = shown_path(first);
    written = load_and_write(YamlDoc{path, std::move(first.text), first.root});
  } catch (const Error& e) {
    // A clear refusal, which is what bad input must get. The message must be printable.
    if (!valid_utf8(e.what()) || !valid_utf8(e.detail())) bug("an error message is not UTF-8", "");
    return 0;
  }
  // What tally writes it must read back, and writing it again changes nothing.
  std::string again;
  try {
    again = load_and_write(parse_yaml(written, path));
  } catch (const Error& e) {
    bug("tally cannot read what it wrote",
        std::string(e.what()) + "\n" + e.detail() + "\n---\n" + written);
  }
  if (again != written) bug("writing is not stable", written + "\n---\n" + again);
  return 0;
}
