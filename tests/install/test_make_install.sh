#!/bin/sh
# test_make_install.sh — `make install` into a throwaway DESTDIR installs the
# command, the shared and static library, the header, the pkg-config file
# and the man page; a program built with `pkg-config --cflags --libs
# readmode` against them extracts the example page; `man -l` renders the
# page; the shared library exports only the rm_ API; `make uninstall`
# removes every file it installed. Prints "N passed, M failed".
#
#   tests/install/test_make_install.sh     (from the checkout; make check-install)
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/readmode-make-install.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL
DEST=$WORK/dest
PREFIX=/usr/local
LIBDIR=$DEST$PREFIX/lib

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -z "${2:-}" ] || echo "    $2"; }
check() {
    name=$1
    shift
    if "$@" >"$WORK/out" 2>&1; then ok "$name"; else not_ok "$name" "$(head -c 600 "$WORK/out")"; fi
}

check "make install with DESTDIR" make -s -C "$ROOT" install DESTDIR="$DEST" PREFIX="$PREFIX"

for f in bin/readmode lib/libreadmode.a include/readmode.h lib/pkgconfig/readmode.pc \
         share/man/man1/readmode.1 share/bash-completion/completions/readmode \
         share/zsh/site-functions/_readmode share/fish/vendor_completions.d/readmode.fish; do
    check "installed $f" test -f "$DEST$PREFIX/$f"
done
so=$(ls "$LIBDIR" | grep '^libreadmode\.so\.[0-9]*\.[0-9]*\.[0-9]*$' || true)
check "installed the versioned shared library" test -n "$so"
check "libreadmode.so.0 links to it" test "$(readlink "$LIBDIR/libreadmode.so.0")" = "$so"
check "libreadmode.so links to libreadmode.so.0" test "$(readlink "$LIBDIR/libreadmode.so")" = libreadmode.so.0
check "the soname is libreadmode.so.0" sh -c "objdump -p '$LIBDIR/$so' | grep -q 'SONAME *libreadmode.so.0'"

# Every defined dynamic symbol (the version node aside) is part of the rm_ API.
exported=$(nm -D --defined-only "$LIBDIR/$so" | awk '$2 != "A" {print $3}' | sed 's/@.*//')
check "exports rm_extract" sh -c "echo '$exported' | grep -qx rm_extract"
check "exports nothing but rm_ names" sh -c "! echo '$exported' | grep -v '^rm_'"
check "keeps internal rm_ helpers hidden" sh -c "! echo '$exported' | grep -qx rm_article_to_json"

# Build the example program the way a user would, against the DESTDIR tree.
export PKG_CONFIG_SYSROOT_DIR="$DEST" PKG_CONFIG_PATH="$LIBDIR/pkgconfig"
check "pkg-config knows readmode" pkg-config --exists readmode
cflags=$(pkg-config --cflags readmode)
libs=$(pkg-config --libs readmode)
check "compiles against the installed header and library" \
    ${CC:-cc} -std=c11 -Wall -Wextra -Werror $cflags -o "$WORK/extract" "$ROOT/examples/extract.c" $libs
check "the program runs on the example page" \
    sh -c "LD_LIBRARY_PATH='$LIBDIR' '$WORK/extract' '$ROOT/examples/tide-mill.html' > '$WORK/extracted'"
check "and prints the article's title and text" \
    sh -c "grep -qx 'The Tide Mill That Still Grinds Flour' '$WORK/extracted' &&
           grep -q 'Twice a day the river Deben' '$WORK/extracted'"
check "the program is linked to the shared library" \
    sh -c "LD_LIBRARY_PATH='$LIBDIR' ldd '$WORK/extract' | grep -q 'libreadmode.so.0 => $LIBDIR'"
check "static linking works too" \
    ${CC:-cc} -std=c11 $cflags -o "$WORK/extract-static" "$ROOT/examples/extract.c" \
        "$LIBDIR/libreadmode.a" $(pkg-config --libs --static readmode | sed 's/-lreadmode//')
check "the installed command runs" sh -c "'$DEST$PREFIX/bin/readmode' '$ROOT/examples/tide-mill.html' | grep -q 'Tide Mill'"

if command -v man >/dev/null 2>&1; then
    check "man -l renders the page" sh -c "MANWIDTH=80 man -l '$DEST$PREFIX/share/man/man1/readmode.1' 2>&1 > '$WORK/man' && grep -q 'EXIT STATUS' '$WORK/man'"
    check "the man page lists every long option of --help" sh -c "
        '$ROOT/build/readmode' --help | grep -o -- '--[a-z][a-z-]*' | sort -u > '$WORK/opts'
        while read -r opt; do grep -q -- \"\$opt\" '$WORK/man' || { echo \"missing \$opt\"; exit 1; }; done < '$WORK/opts'"
else
    not_ok "man -l renders the page" "man is not installed (install.sh --dev installs man-db)"
fi

check "make uninstall" make -s -C "$ROOT" uninstall DESTDIR="$DEST" PREFIX="$PREFIX"
left=$(find "$DEST" ! -type d)
check "uninstall leaves no file behind" test -z "$left"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
