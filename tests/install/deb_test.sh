#!/bin/sh
# deb_test.sh BUILD_DIR SOURCE_DIR: cpack makes tally's .deb; its control data names the
# package and Depends on the Debian packages of the libraries the binary links (found by
# dpkg-shlibdeps) plus git and tzdata; it holds exactly the expected files; dpkg installs it
# into a throw-away root (its own dpkg database, --root), where the installed binary prints
# its version and `man -l` reads its pages.
#
# The root is not a chroot: the installed binary runs with this machine's libraries, which
# are the packages its Depends names (each one is checked to be a real installed package).
set -eu
build=$1
src=$2
tmp=$(mktemp -d /tmp/tally-deb.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$tmp"/pkg/tally_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no tally_*.deb: $(ls "$tmp/pkg")"
echo "built $(basename "$deb") ($(wc -c <"$deb") bytes)"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tally ] || fail "Package is '$(field Package)'"
version=$(sed -n 's/^project(tally VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
field Description | head -n 1 | grep -q 'sales' || fail "Description: $(field Description)"

# Depends: one entry per library package, and the programs tally runs.
depends=$(field Depends)
echo "Depends: $depends"
names=$(echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/|.*//; s/ //g' | grep .)
for pkg in libyaml-cpp0.7 libfmt9 libutf8proc2 libdate-tz3 libstdc++6 libc6 git tzdata; do
  echo "$names" | grep -qxF "$pkg" || fail "Depends lacks $pkg"
done
# Every package named exists (it is installed here, since the binary runs with it).
for pkg in $names; do
  dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    fail "Depends names '$pkg', which is not an installed Debian package here"
done

# The files: exactly the binary, the man pages and the completions, under /usr.
{
  echo ./usr/bin/tally
  for page in "$src"/man/*.[1-9]; do
    name=$(basename "$page")
    echo "./usr/share/man/man${name##*.}/$name.gz"
  done
  echo ./usr/share/bash-completion/completions/tally
  echo ./usr/share/zsh/vendor-completions/_tally
  echo ./usr/share/fish/vendor_completions.d/tally.fish
} | sort >"$tmp/expected"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort >"$tmp/listed"
diff -u "$tmp/expected" "$tmp/listed" >&2 || fail "the package's files differ from the expected list"

# Install into a fresh root with a dpkg database of its own.
root="$tmp/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$tmp/dpkg.log" 2>&1 ||
  { cat "$tmp/dpkg.log" >&2; fail "dpkg -i into $root failed"; }
dpkg --root="$root" -s tally | grep -q '^Status: install ok installed' || fail "dpkg does not list tally as installed"
dpkg --root="$root" -L tally | grep -qx /usr/bin/tally || fail "dpkg -L tally lacks /usr/bin/tally"

out=$("$root/usr/bin/tally" --version) || fail "the installed tally --version failed"
echo "$out" | grep -Eq "^tally $version \(([0-9a-f]{7,}(-dirty)?|unknown)\)$" || fail "--version printed: $out"
echo "installed: $out"
for page in man1/tally.1.gz man1/tally-task.1.gz man5/tally-store.5.gz; do
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/$page" 2>"$tmp/man.err") || fail "man -l $page failed"
  [ ! -s "$tmp/man.err" ] || { cat "$tmp/man.err" >&2; fail "man -l $page warned"; }
  echo "$text" | grep -q '^NAME' || fail "man -l $page has no NAME"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/tally.1.gz" | grep -q 'tally completion' ||
  fail "the installed tally.1 does not document the completion command"
# Stripped for the package: no debug sections.
if command -v readelf >/dev/null; then
  readelf -S "$root/usr/bin/tally" | grep -q '\.debug_info' && fail "the packaged binary is not stripped"
fi
echo "ok: $(wc -l <"$tmp/listed") files"
