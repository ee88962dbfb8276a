// `tally completion bash|zsh|fish`: prints a shell completion script made from the program's
// own CLI11 tree (the command table of app.cpp and every option the commands register), so the
// completions can never drift from the program. The build runs it to write build/completions/,
// which `cmake --install` and the .deb put where each shell looks.
//
// All three scripts work the same way: walk the words before the cursor, where a known
// subcommand name extends the command path and an option that takes a value skips that value;
// then offer the path's subcommands, its options (after `-`), or an option's choices (from a
// CLI::IsMember validator). Anything else falls back to the shell's own file completion.
#include "cli/app.hpp"

#include <functional>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace tally::cli {
namespace {

struct CompletionOption {
  std::vector<std::string> names;  // "--format", "-m"
  bool takes_value = false;
  std::vector<std::string> choices;  // from an IsMember validator, else empty
  std::string description;
};

// One command path ("" for tally itself, "task list"), what may follow it, and its options
// (its own and, through CLI11's fallthrough, its parents').
struct CompletionNode {
  std::string path;
  std::vector<std::pair<std::string, std::string>> subcommands;  // name, summary
  std::vector<CompletionOption> options;
  std::vector<std::string> arguments;  // the choices of its positional arguments, if any
};

// CLI11 shows an IsMember validator as ":{a,b,c}" after the type name; those are the choices.
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  auto open = type.find(":{");
  auto close = type.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string item;
  for (char c : type.substr(open + 2, close - open - 2)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<CompletionOption> options_of(const CLI::App& app) {
  std::vector<CompletionOption> out;
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional() || opt->get_group().empty()) continue;  // positional or hidden
    CompletionOption o;
    for (const auto& name : opt->get_lnames()) o.names.push_back("--" + name);
    for (const auto& name : opt->get_snames()) o.names.push_back("-" + name);
    o.takes_value = opt->get_items_expected_max() > 0;
    o.choices = choices_of(*opt);
    o.description = opt->get_description();
    out.push_back(std::move(o));
  }
  return out;
}

void collect(const CLI::App& app, const std::string& path,
             const std::vector<CompletionOption>& inherited, std::vector<CompletionNode>& out) {
  CompletionNode node{path, {}, options_of(app), {}};
  for (const CLI::Option* opt : app.get_options())
    if (!opt->nonpositional())
      for (const auto& choice : choices_of(*opt)) node.arguments.push_back(choice);
  if (app.get_fallthrough())
    node.options.insert(node.options.end(), inherited.begin(), inherited.end());
  auto subs = app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
  for (const CLI::App* sub : subs)
    node.subcommands.emplace_back(sub->get_name(), sub->get_description());
  // --version belongs to tally alone; --help is each command's own already.
  std::vector<CompletionOption> passed;
  for (const auto& o : node.options)
    if (o.names.front() != "--version" && o.names.front() != "--help") passed.push_back(o);
  out.push_back(node);
  for (const CLI::App* sub : subs)
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), passed, out);
}

// Single quotes for the shells: 'it'\''s'. Fish wants \' inside single quotes instead.
std::string sq(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string fish_sq(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> subcommand_names(const CompletionNode& node) {
  std::vector<std::string> out;
  for (const auto& [name, summary] : node.subcommands) out.push_back(name);
  return out;
}

std::vector<std::string> option_names(const CompletionNode& node, bool values_only) {
  std::vector<std::string> out;
  for (const auto& o : node.options)
    if (!values_only || o.takes_value) out.insert(out.end(), o.names.begin(), o.names.end());
  return out;
}

// The bash and zsh scripts share the walk over the words; these are its data as `case` arms.
void case_function(std::ostream& os, const std::string& name,
                   const std::vector<CompletionNode>& nodes,
                   const std::function<std::vector<std::string>(const CompletionNode&)>& items,
                   const std::string& assign) {
  os << name << "() {\n  case $1 in\n";
  for (const auto& node : nodes) {
    auto words = items(node);
    if (words.empty()) continue;
    os << "    (" << sq(node.path) << ") " << assign << "(";
    for (std::size_t i = 0; i < words.size(); ++i) os << (i ? " " : "") << sq(words[i]);
    os << ") ;;\n";
  }
  os << "    (*) " << assign << "() ;;\n  esac\n}\n\n";
}

void choices_function(std::ostream& os, const std::string& name,
                      const std::vector<CompletionNode>& nodes, const std::string& assign) {
  os << name << "() {\n  case \"$1|$2\" in\n";
  for (const auto& node : nodes)
    for (const auto& o : node.options) {
      if (o.choices.empty()) continue;
      for (const auto& n : o.names) {
        os << "    (" << sq(node.path + "|" + n) << ") " << assign << "(";
        for (std::size_t i = 0; i < o.choices.size(); ++i) os << (i ? " " : "") << sq(o.choices[i]);
        os << ") ;;\n";
      }
    }
  os << "    (*) " << assign << "() ;;\n  esac\n}\n\n";
}

void write_bash(std::ostream& os, const std::vector<CompletionNode>& nodes) {
  os << "# bash completion for tally. Generated by `tally completion bash` from the program's own\n"
        "# command tree; regenerate it rather than editing it.\n\n";
  case_function(os, "_tally_subcommands", nodes, subcommand_names, "_tally_words=");
  case_function(
      os, "_tally_options", nodes, [](const CompletionNode& n) { return option_names(n, false); },
      "_tally_words=");
  case_function(
      os, "_tally_value_options", nodes,
      [](const CompletionNode& n) { return option_names(n, true); }, "_tally_words=");
  case_function(
      os, "_tally_arguments", nodes, [](const CompletionNode& n) { return n.arguments; },
      "_tally_words=");
  choices_function(os, "_tally_choices", nodes, "_tally_words=");
  os << R"(# _tally_in WORD: is WORD one of _tally_words?
_tally_in() {
  local w
  for w in "${_tally_words[@]}"; do [[ $w == "$1" ]] && return 0; done
  return 1
}

_tally() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath='' word i=1 value_of=''
  local -a _tally_words
  COMPREPLY=()
  while ((i < COMP_CWORD)); do
    word=${COMP_WORDS[i]}
    i=$((i + 1))
    case $word in
      -*)
        _tally_value_options "$cmdpath"
        _tally_in "$word" || continue
        # The option's value: the next word, or the one after "=" (bash splits --opt=value).
        [[ ${COMP_WORDS[i]} == = ]] && i=$((i + 1))
        ((i == COMP_CWORD)) && value_of=$word
        i=$((i + 1))
        continue
        ;;
    esac
    _tally_subcommands "$cmdpath"
    _tally_in "$word" && cmdpath=${cmdpath:+$cmdpath }$word
  done
  [[ $cur == = ]] && cur=''
  if [[ -n $value_of ]]; then
    _tally_choices "$cmdpath" "$value_of"
    ((${#_tally_words[@]})) && COMPREPLY=($(compgen -W "${_tally_words[*]}" -- "$cur"))
    return 0  # no choices: files, by -o default
  fi
  if [[ $cur == -* ]]; then
    _tally_options "$cmdpath"
  else
    _tally_arguments "$cmdpath"
    local -a arguments=("${_tally_words[@]}")
    _tally_subcommands "$cmdpath"
    _tally_words+=("${arguments[@]}")
  fi
  ((${#_tally_words[@]})) && COMPREPLY=($(compgen -W "${_tally_words[*]}" -- "$cur"))
  return 0
}

complete -o default -F _tally tally
)";
}

void write_zsh(std::ostream& os, const std::vector<CompletionNode>& nodes) {
  os << "#compdef tally\n"
        "# zsh completion for tally. Generated by `tally completion zsh` from the program's own\n"
        "# command tree; regenerate it rather than editing it.\n\n";
  auto described = [](const std::vector<std::pair<std::string, std::string>>& items) {
    std::vector<std::string> out;
    for (const auto& [name, text] : items) out.push_back(name + ":" + text);
    return out;
  };
  case_function(
      os, "_tally_subcommands", nodes,
      [&](const CompletionNode& n) { return described(n.subcommands); }, "reply=");
  case_function(
      os, "_tally_options", nodes,
      [&](const CompletionNode& n) {
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto& o : n.options)
          for (const auto& name : o.names) items.emplace_back(name, o.description);
        return described(items);
      },
      "reply=");
  case_function(
      os, "_tally_value_options", nodes,
      [](const CompletionNode& n) { return option_names(n, true); }, "reply=");
  case_function(
      os, "_tally_arguments", nodes, [](const CompletionNode& n) { return n.arguments; }, "reply=");
  choices_function(os, "_tally_choices", nodes, "reply=");
  os << R"(_tally() {
  local cur=${words[CURRENT]} cmdpath='' word i=2 value_of=''
  local -a reply names
  while ((i < CURRENT)); do
    word=${words[i]}
    i=$((i + 1))
    case $word in
      (--*=*) continue ;;
      (-*)
        _tally_value_options "$cmdpath"
        ((${reply[(Ie)$word]})) || continue
        ((i == CURRENT)) && value_of=$word
        i=$((i + 1))
        continue
        ;;
    esac
    _tally_subcommands "$cmdpath"
    names=(${reply%%:*})
    ((${names[(Ie)$word]})) && cmdpath=${cmdpath:+$cmdpath }$word
  done
  if [[ -z $value_of && $cur == --*=* ]]; then
    value_of=${cur%%=*}
    compset -P '*='
  fi
  if [[ -n $value_of ]]; then
    _tally_choices "$cmdpath" "$value_of"
    if (($#reply)); then compadd -a reply; else _files; fi
    return
  fi
  if [[ $cur == -* ]]; then
    _tally_options "$cmdpath"
    _describe -t options option reply
  else
    _tally_arguments "$cmdpath"
    if (($#reply)); then compadd -a reply; return; fi
    _tally_subcommands "$cmdpath"
    if (($#reply)); then _describe -t commands command reply; else _files; fi
  fi
}

if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _tally "$@"
else
  compdef _tally tally
fi
)";
}

void write_fish(std::ostream& os, const std::vector<CompletionNode>& nodes) {
  os << "# fish completion for tally. Generated by `tally completion fish` from the program's own\n"
        "# command tree; regenerate it rather than editing it.\n\n";
  auto lister = [&](const std::string& name, auto items) {
    os << "function " << name << " --argument-names cmdpath\n    switch \"$cmdpath\"\n";
    for (const auto& node : nodes) {
      auto words = items(node);
      if (words.empty()) continue;
      os << "        case " << fish_sq(node.path) << "\n            printf '%s\\n'";
      for (const auto& w : words) os << " " << fish_sq(w);
      os << "\n";
    }
    os << "    end\nend\n\n";
  };
  lister("__tally_subcommands", subcommand_names);
  lister("__tally_value_options", [](const CompletionNode& n) { return option_names(n, true); });
  os << R"(# The command path of the words before the cursor: "", "task", "task list", ...
function __tally_path
    set -l words (commandline -opc)
    set -e words[1]
    set -l cmdpath ''
    set -l skip 0
    for word in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch "$word"
            case '--*=*'
                continue
            case '-*'
                contains -- $word (__tally_value_options "$cmdpath"); and set skip 1
                continue
        end
        if contains -- $word (__tally_subcommands "$cmdpath")
            set cmdpath (string trim -- "$cmdpath $word")
        end
    end
    echo $cmdpath
end

function __tally_at --argument-names want
    set -l here (__tally_path)
    test "$here" = "$want"
end

)";
  for (const auto& node : nodes) {
    std::string at = fish_sq("__tally_at " + fish_sq(node.path));
    for (const auto& [name, summary] : node.subcommands)
      os << "complete -c tally -n " << at << " -f -a " << fish_sq(name) << " -d "
         << fish_sq(summary) << "\n";
    if (!node.arguments.empty())
      os << "complete -c tally -n " << at << " -f -a " << fish_sq(joined(node.arguments)) << "\n";
    for (const auto& o : node.options) {
      os << "complete -c tally -n " << at;
      for (const auto& n : o.names)
        os << (n.rfind("--", 0) == 0 ? " -l " : " -s ") << n.substr(n.find_first_not_of('-'));
      if (!o.choices.empty())
        os << " -x -a " << fish_sq(joined(o.choices));
      else if (o.takes_value)
        os << " -r";
      os << " -d " << fish_sq(o.description) << "\n";
    }
  }
}

}  // namespace

void add_completion(CLI::App& parent, const Globals& /*globals*/) {
  auto shell = std::make_shared<std::string>();
  auto* cmd =
      parent.add_subcommand("completion", "print a completion script for bash, zsh or fish");
  cmd->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->callback([shell, &parent] {
    std::vector<CompletionNode> nodes;
    collect(parent, "", {}, nodes);
    if (*shell == "bash") write_bash(std::cout, nodes);
    if (*shell == "zsh") write_zsh(std::cout, nodes);
    if (*shell == "fish") write_fish(std::cout, nodes);
  });
}

}  // namespace tally::cli
