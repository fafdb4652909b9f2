#!/bin/sh
# test_install.sh — install.sh in a throwaway HOME: every manifest lands and
# is right, a second run changes nothing, --uninstall leaves nothing behind.
#
#   tests/install/test_install.sh        (from the checkout; make check-install)
#
# Runs install.sh --no-deps, so it needs the build dependencies but never a
# package manager or root. Linux and macOS folder layouts are both covered
# (whichever this machine is). Prints "N passed, M failed".
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INSTALL=$ROOT/install.sh
WORK=$(mktemp -d "${TMPDIR:-/tmp}/readmode-install-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# A nested make from inside `make check` must behave as a user's make.
unset MAKEFLAGS MFLAGS MAKELEVEL XDG_CONFIG_HOME XDG_DATA_HOME

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -z "${2:-}" ] || echo "    $2"; }

# check NAME COMMAND...: one assertion, passed when COMMAND succeeds.
check() {
    name=$1
    shift
    if "$@" >"$WORK/out" 2>&1; then ok "$name"; else not_ok "$name" "$(head -c 600 "$WORK/out")"; fi
}

# The id Chromium gives the unpacked extension, computed from the "key" in
# its manifest: SHA-256 of the DER public key, first 32 hex digits, 0-f
# written as a-p.
manifest_field() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$ROOT/extension-manifest/manifest.json" "$1"
}
EXTENSION_ID=$(manifest_field key | base64 -d | openssl dgst -sha256 -r | cut -c1-32 | tr '0-9a-f' 'a-p')
GECKO_ID=$(manifest_field browser_specific_settings.gecko.id)

# The manifest folders install.sh must write for home $1 (config home $2).
manifest_dirs() {
    if [ "$(uname -s)" = Darwin ]; then
        s="$1/Library/Application Support"
        printf '%s\n' "$s/Google/Chrome/NativeMessagingHosts" "$s/Chromium/NativeMessagingHosts" \
            "$s/Microsoft Edge/NativeMessagingHosts" "$s/BraveSoftware/Brave-Browser/NativeMessagingHosts" \
            "$s/Vivaldi/NativeMessagingHosts" "$s/Mozilla/NativeMessagingHosts"
    else
        printf '%s\n' "$2/google-chrome/NativeMessagingHosts" "$2/chromium/NativeMessagingHosts" \
            "$2/microsoft-edge/NativeMessagingHosts" "$2/BraveSoftware/Brave-Browser/NativeMessagingHosts" \
            "$2/vivaldi/NativeMessagingHosts" "$1/.mozilla/native-messaging-hosts"
    fi
}

# valid_manifest FILE BINARY: FILE is valid JSON naming our host, pointing at
# BINARY (absolute and executable), and allowing exactly our extension.
valid_manifest() {
    python3 - "$1" "$2" "$EXTENSION_ID" "$GECKO_ID" <<'EOF'
import json, os, sys
path, binary, ext_id, gecko_id = sys.argv[1:]
m = json.load(open(path))
problems = []
if m.get("name") != "org.readmode.host": problems.append("name %r" % m.get("name"))
if m.get("type") != "stdio": problems.append("type %r" % m.get("type"))
if m.get("path") != binary: problems.append("path %r, expected %r" % (m.get("path"), binary))
if not os.path.isabs(m.get("path", "")) or not os.access(m.get("path", ""), os.X_OK):
    problems.append("path is not an absolute executable")
if "mozilla" in path.lower():
    if m.get("allowed_extensions") != [gecko_id] or "allowed_origins" in m:
        problems.append("allowed_extensions %r" % m.get("allowed_extensions"))
elif m.get("allowed_origins") != ["chrome-extension://%s/" % ext_id] or "allowed_extensions" in m:
    problems.append("allowed_origins %r, id from key is %s" % (m.get("allowed_origins"), ext_id))
if problems:
    sys.exit("%s: %s" % (path, "; ".join(problems)))
EOF
}

all_manifests_valid() {
    manifest_dirs "$1" "$2" | while read -r dir; do
        valid_manifest "$dir/org.readmode.host.json" "$3" || exit 1
    done
}

no_manifest_left() {
    manifest_dirs "$1" "$2" | while read -r dir; do
        if [ -e "$dir/org.readmode.host.json" ]; then echo "left: $dir"; exit 1; fi
    done
}

fingerprint() { find "$1" -type f -exec cksum {} + | sort; }

# --- 1. every browser, custom PREFIX with a space and a quote in it ------
home=$WORK/home1
prefix="$WORK/odd \"prefix\""
binary=$prefix/bin/readmode
mkdir -p "$home"

help_mentions_uninstall() { "$INSTALL" --help | grep -q -- --uninstall; }
refuses_unknown_option() { ! "$INSTALL" --no-such-option; }
check "--help documents the options" help_mentions_uninstall
check "an unknown option is refused" refuses_unknown_option
check "install --all-browsers succeeds" env HOME="$home" PREFIX="$prefix" "$INSTALL" --no-deps --all-browsers
is_the_build() { [ -x "$1" ] && cmp -s "$1" "$ROOT/build/readmode"; }
check "the binary is installed, executable, and is the build" is_the_build "$binary"
check "all six manifests are valid and point at the binary" \
    all_manifests_valid "$home" "$home/.config" "$binary"
fingerprint "$home" >"$WORK/before"
fingerprint "$prefix" >>"$WORK/before"
second_run_is_quiet() {
    output=$(env HOME="$home" PREFIX="$prefix" "$INSTALL" --no-deps --all-browsers) &&
        echo "$output" && [ "$(echo "$output" | wc -l)" -eq 1 ] && echo "$output" | grep -q "up to date"
}
check "a second run succeeds and prints one 'up to date' line" second_run_is_quiet
fingerprint "$home" >"$WORK/after"
fingerprint "$prefix" >>"$WORK/after"
check "a second run rewrites nothing" cmp "$WORK/before" "$WORK/after"
check "uninstall succeeds" env HOME="$home" PREFIX="$prefix" "$INSTALL" --uninstall
check "uninstall removes every manifest" no_manifest_left "$home" "$home/.config"
nothing_left() { left=$(find "$home" -mindepth 1) && echo "$left" && [ -z "$left" ] && [ ! -e "$prefix" ]; }
check "uninstall removes the binary" test ! -e "$binary"
check "uninstall leaves no file and no created folder behind" nothing_left

# --- 2. default PREFIX, XDG_CONFIG_HOME, only browsers that were started --
home=$WORK/home2
config=$WORK/config2
if [ "$(uname -s)" = Darwin ]; then
    mkdir -p "$home/Library/Application Support/Chromium" "$home/Library/Application Support/Firefox"
    chromium_dir="$home/Library/Application Support/Chromium/NativeMessagingHosts"
    firefox_dir="$home/Library/Application Support/Mozilla/NativeMessagingHosts"
    chrome_dir="$home/Library/Application Support/Google/Chrome"
else
    mkdir -p "$config/chromium" "$home/.mozilla"
    chromium_dir=$config/chromium/NativeMessagingHosts
    firefox_dir=$home/.mozilla/native-messaging-hosts
    chrome_dir=$config/google-chrome
fi
binary=$home/.local/bin/readmode
check "install for detected browsers succeeds" \
    env HOME="$home" XDG_CONFIG_HOME="$config" PREFIX= "$INSTALL" --no-deps
check "the binary goes to ~/.local/bin by default" test -x "$binary"
both_valid() { valid_manifest "$1/org.readmode.host.json" "$3" && valid_manifest "$2/org.readmode.host.json" "$3"; }
check "Chromium and Firefox (profile folders present) are registered" \
    both_valid "$chromium_dir" "$firefox_dir" "$binary"
check "Google Chrome (never started) is not registered" test ! -e "$chrome_dir"
mkdir -p "$home/.local/share/readmode/articles"
echo "# kept" >"$home/.local/share/readmode/articles/kept.md"
check "uninstall succeeds" env HOME="$home" XDG_CONFIG_HOME="$config" PREFIX= "$INSTALL" --uninstall
check "uninstall keeps saved articles" test -f "$home/.local/share/readmode/articles/kept.md"
check "uninstall keeps the browsers' own folders" test -d "$(dirname "$chromium_dir")"
none_exists() { for path in "$@"; do [ ! -e "$path" ] || { echo "left: $path"; return 1; }; done; }
check "uninstall removes what it installed" none_exists \
    "$binary" "$chromium_dir" "$firefox_dir" "$home/.local/share/readmode/install.log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
