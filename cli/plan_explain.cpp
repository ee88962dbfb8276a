// plan check --explain: where the head should look behind a flagged segment:
// the deals behind the actual, the open deals by funnel stage with their age,
// open deals nobody has a task for, and the counters of the segment's managers.
#include "cli/control_view.hpp"
#include "cli/plan_view.hpp"
#include "cli/task_view.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <ostream>
#include <set>

namespace tally::cli {

void print_explain(std::ostream& out, const core::CheckResult& r, const core::Context& ctx,
                   const std::vector<core::Record>& deals, const std::vector<core::Task>& tasks) {
  const auto& settings = ctx.store.settings();
  const auto& zone = ctx.store.zone();
  std::set<std::string> tasked;
  for (const auto& t : tasks)
    if (core::is_open(t.status) && t.link.starts_with("deal/")) tasked.insert(t.link.substr(5));
  for (const auto& s : r.segments) {
    if (s.verdict == core::Verdict::ok) continue;
    out << "\n» " << s.segment->name << ": " << core::verdict_name(s.verdict) << "\n";
    if (s.segment->actual) out << "  the actual is given in the plan\n";
    if (!s.deals.empty()) {
      out << "  won deals behind the actual:\n";
      Table won({{"DEAL"}, {"TITLE"}, {"OWNER"}, {"AMOUNT", true}, {"CLOSED"}});
      for (const core::Record* d : s.deals)
        won.add({d->id, d->title, d->owner, d->amount ? d->amount->to_human() : "",
                 d->closed ? core::format_human(d->closed->at, zone) : ""});
      won.print(out, 4);
    }
    std::set<std::string> managers;
    for (const core::Record* d : s.deals) managers.insert(d->owner);
    Table open({{"STAGE"},
                {"DEAL"},
                {"TITLE"},
                {"OWNER"},
                {"AMOUNT", true},
                {"IN STAGE", true},
                {"OPEN TASKS"}});
    std::vector<std::string> untasked;
    for (const auto& stage : settings.stages) {
      if (!stage.outcome.empty()) continue;
      for (const auto& d : deals) {
        if (d.stage != stage.id ||
            !core::segment_matches(*s.segment, d, settings, ctx.store.people()))
          continue;
        managers.insert(d.owner);
        auto since = d.created ? d.created->at : ctx.now;
        auto days = std::chrono::duration_cast<std::chrono::hours>(ctx.now - since).count() / 24;
        bool has_task = tasked.count(d.id) > 0;
        if (!has_task) untasked.push_back(d.id);
        open.add({stage.name, d.id, d.title, d.owner, d.amount ? d.amount->to_human() : "",
                  fmt::format("{}d", days), has_task ? "yes" : "none"});
      }
    }
    if (open.empty()) {
      out << "  no open deals in this segment: the funnel is empty\n";
    } else {
      out << "  open deals by stage (days since created; no stage history yet):\n";
      open.print(out, 4);
    }
    if (!untasked.empty())
      out << "  open deals with no open task: " << core::join(untasked, ", ") << "\n";
    std::vector<const core::Person*> who;
    for (const auto& login : managers)
      if (const core::Person* p = ctx.store.people().find(login)) who.push_back(p);
    if (!who.empty()) {
      out << "  counters of the segment's managers:\n";
      counters_table(build_counters(ctx, tasks, who, std::nullopt), true).print(out, 4);
    }
  }
}

}  // namespace tally::cli
