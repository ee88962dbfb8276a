#!/bin/sh
# install_test.sh BUILD_DIR SOURCE_DIR: `cmake --install` into a throw-away DESTDIR puts
# every file where it belongs, and nothing else: the binary, one man page per man/*.N into
# manN, the three completion scripts. Then the installed binary runs, its completions are
# what it prints itself, and `man -l` reads an installed page.
set -eu
build=$1
src=$2
tmp=$(mktemp -d /tmp/tally-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$tmp/root" cmake --install "$build" --prefix /usr/local >"$tmp/log" 2>&1 ||
  { cat "$tmp/log" >&2; fail "cmake --install failed"; }

# What must be there, from the sources themselves.
{
  echo usr/local/bin/tally
  for page in "$src"/man/*.[1-9]; do
    name=$(basename "$page")
    echo "usr/local/share/man/man${name##*.}/$name.gz"
  done
  echo usr/local/share/bash-completion/completions/tally
  echo usr/local/share/zsh/vendor-completions/_tally
  echo usr/local/share/fish/vendor_completions.d/tally.fish
} | sort >"$tmp/expected"
(cd "$tmp/root" && find . -type f | sed 's|^\./||' | sort) >"$tmp/installed"
diff -u "$tmp/expected" "$tmp/installed" >&2 || fail "installed files differ from the expected list (- expected, + installed)"
[ -x "$tmp/root/usr/local/bin/tally" ] || fail "bin/tally is not executable"

tally="$tmp/root/usr/local/bin/tally"
version=$("$tally" --version)
echo "$version" | grep -Eq '^tally [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{7,}(-dirty)?|unknown)\)$' ||
  fail "unexpected --version: $version"
# Built from a git work tree: the commit is that tree's HEAD (as of the build).
if head=$(GIT_OPTIONAL_LOCKS=0 git -C "$src" rev-parse --short HEAD 2>/dev/null) &&
   [ "$(cd "$(git -C "$src" rev-parse --show-toplevel)" && pwd -P)" = "$(cd "$src" && pwd -P)" ]; then
  case $version in
    *"($head)"|*"($head-dirty)") ;;
    *) fail "--version says '$version', but the sources are at $head (rebuild?)" ;;
  esac
fi

# The installed scripts are exactly what the installed program prints.
share="$tmp/root/usr/local/share"
for pair in bash:bash-completion/completions/tally zsh:zsh/vendor-completions/_tally \
            fish:fish/vendor_completions.d/tally.fish; do
  shell=${pair%%:*}
  "$tally" completion "$shell" | cmp -s - "$share/${pair#*:}" || fail "the installed $shell completion is stale"
done

# The man pages read as man pages, Cyrillic included.
for page in man1/tally.1.gz man1/tally-task.1.gz man5/tally-store.5.gz; do
  out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$share/man/$page" 2>"$tmp/man.err") || fail "man -l $page failed"
  [ ! -s "$tmp/man.err" ] || { cat "$tmp/man.err" >&2; fail "man -l $page warned"; }
  echo "$out" | grep -q '^NAME' || fail "man -l $page has no NAME section"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$share/man/man1/tally-task.1.gz" | grep -q 'Позвонить' || fail "Cyrillic lost in tally-task.1"
echo "installed $(wc -l <"$tmp/installed") files; $version"
