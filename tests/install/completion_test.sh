#!/bin/bash
# completion_test.sh COMPLETIONS_DIR: the completion scripts that the build wrote with
# `tally completion SHELL` complete for real. bash: source the script, call its function
# with COMP_WORDS/COMP_CWORD as readline would, read COMPREPLY. zsh: the file parses, compinit
# registers it for tally from fpath, and its walk over the words offers the right things
# (compsys's own functions replaced by ones that print what they were given). fish: the
# file parses and `complete -C` answers.
set -u
dir=$1
failures=0 checks=0
expect() {  # expect NAME ACTUAL WANTED...: every WANTED word is in ACTUAL
  local name=$1 actual=$2 w
  shift 2
  checks=$((checks + 1))
  for w in "$@"; do
    if [[ " $actual " != *" $w "* ]]; then
      echo "FAIL $name: '$w' not in: $actual"
      failures=$((failures + 1))
      return
    fi
  done
  echo "ok   $name"
}
refuse() {  # refuse NAME ACTUAL UNWANTED: UNWANTED is not in ACTUAL
  checks=$((checks + 1))
  if [[ " $2 " == *" $3 "* ]]; then
    echo "FAIL $1: '$3' should not be offered: $2"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

# ---- bash
bash_complete() {
  bash --norc --noprofile -c '
    source "$1" || exit 1
    shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
    _tally
    echo "${COMPREPLY[*]}"' bash "$dir/tally.bash" "$@"
}
expect "bash: tally ta" "$(bash_complete tally ta)" task
refuse "bash: tally ta offers only task" "$(bash_complete tally ta)" init
expect "bash: tally task --" "$(bash_complete tally task list --)" --mine --overdue --format --store --help
expect "bash: tally task l" "$(bash_complete tally --store /tmp/s task l)" list log
expect "bash: --format values" "$(bash_complete tally task list --format '')" table json csv yaml
expect "bash: --format=j" "$(bash_complete tally task list --format = j)" json
expect "bash: after a value" "$(bash_complete tally task list --to ivan --ov)" --overdue
expect "bash: plan check --format" "$(bash_complete tally plan check --format '')" junit md
expect "bash: completion SHELL" "$(bash_complete tally completion '')" bash zsh fish
expect "bash: complete -p" "$(bash --norc -c "source $dir/tally.bash; complete -p tally")" _tally

# ---- zsh
if command -v zsh >/dev/null; then
  checks=$((checks + 1))
  if zsh -n "$dir/_tally"; then echo "ok   zsh: syntax"; else echo "FAIL zsh: syntax"; failures=$((failures + 1)); fi
  reg=$(zsh -f -c "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D; print -r -- \$_comps[tally]" 2>&1)
  expect "zsh: compinit registers _tally" "$reg" _tally
  zsh_complete() {
    zsh -f -c '
      _describe() { local -a items; items=("${(@P)${@[-1]}}"); print -r -- "${items[@]%%:*}" }
      compadd() { print -r -- "${(@P)2}" }
      _files() { print -r -- "<files>" }
      compset() { : }
      compdef() { : }
      source "$1" || exit 1
      shift
      words=("$@"); CURRENT=$#
      _tally' zsh "$dir/_tally" "$@"
  }
  expect "zsh: tally ta" "$(zsh_complete tally ta)" task init
  expect "zsh: tally task list -" "$(zsh_complete tally task list -)" --mine --overdue --store
  expect "zsh: --format values" "$(zsh_complete tally task list --format '')" table json csv yaml
  expect "zsh: --format=" "$(zsh_complete tally task list --format=)" table json
  expect "zsh: a value without choices is a file" "$(zsh_complete tally calendar ivan --out '')" '<files>'
  expect "zsh: completion SHELL" "$(zsh_complete tally completion '')" bash zsh fish
else
  echo "skipped zsh: not installed (make deps installs it)"
fi

# ---- fish
if command -v fish >/dev/null; then
  checks=$((checks + 1))
  if fish --no-execute "$dir/tally.fish"; then echo "ok   fish: syntax"; else echo "FAIL fish: syntax"; failures=$((failures + 1)); fi
  fish_complete() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2] | string replace -r "\t.*" ""' "$dir/tally.fish" "$1" | tr '\n' ' '
  }
  expect "fish: tally ta" "$(fish_complete 'tally ta')" task
  refuse "fish: tally ta offers only task" "$(fish_complete 'tally ta')" init
  expect "fish: tally task " "$(fish_complete 'tally task ')" add list show done
  expect "fish: tally task list --" "$(fish_complete 'tally task list --')" --mine --overdue --format --store
  expect "fish: --format values" "$(fish_complete 'tally task list --format ')" table json csv yaml
  expect "fish: after a value" "$(fish_complete 'tally --store /tmp/s task l')" list log
else
  echo "skipped fish: not installed (make deps installs it)"
fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
