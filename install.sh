#!/bin/sh
# install.sh — build readmode, install the binary, and register it with the
# browsers as the native-messaging host org.readmode.host.
#
# Idempotent: a second run installs no packages, rebuilds nothing that is up
# to date, rewrites no file whose content is unchanged, and prints two lines.
# Everything it writes is recorded in an install log so that --uninstall
# removes exactly that (saved articles are never touched).
# Run ./install.sh --help for the options.
set -eu

HOST_NAME=org.readmode.host
ROOT=$(cd "$(dirname "$0")" && pwd)
CHROME_TEMPLATE=$ROOT/host/$HOST_NAME.chrome.json
FIREFOX_TEMPLATE=$ROOT/host/$HOST_NAME.firefox.json

usage() {
    cat <<'EOF'
Usage: ./install.sh [OPTIONS]

Builds readmode, installs it to $PREFIX/bin and registers it as the
native-messaging host "org.readmode.host" so the readmode browser extension
can use it.

Steps:
  1. install missing build dependencies with the system package manager
     (apt-get on Debian/Ubuntu, dnf on Fedora, brew on macOS; uses sudo when
     not root); packages already present are not touched
  2. build with make
  3. install the binary to $PREFIX/bin/readmode
  4. write the host manifests for Google Chrome, Chromium, Microsoft Edge,
     Brave, Vivaldi and Firefox

Options:
  --dev           also install what `make check` needs: python3, man-db (the
                  man page test), cmark-gfm (Markdown round trip), epubcheck
                  (the EPUB test), GNU parallel and python3-distributed (the
                  bulk examples), zsh and fish (the completion test), clang
                  with libFuzzer (`make fuzz`), and for the browser tests
                  chromium, firefox-esr, nodejs, npm and (with npm, from
                  tests/browser/package-lock.json) playwright-core,
                  puppeteer-core and web-ext
  --no-deps       skip step 1 (no package manager, no sudo)
  --system        install for all users: PREFIX defaults to /usr/local and the
                  manifests go to the system folders (/etc/opt/chrome/...,
                  /etc/chromium/..., /usr/lib/mozilla/..., /Library/... on
                  macOS); needs root. Every browser is registered.
  --all-browsers  per-user install: register every supported browser, not
                  only those whose profile folder already exists
  --prefix DIR    install the binary to DIR/bin (same as PREFIX=DIR)
  --uninstall     remove the binary, every manifest and the folders this
                  script created (combine with --system / --prefix as used
                  for installing); saved articles are kept
  -h, --help      show this help

Environment:
  PREFIX          default ~/.local (per user) or /usr/local (--system)
  HOME, XDG_CONFIG_HOME, XDG_DATA_HOME are respected.

Per user, a browser is registered when its profile folder exists (it
appears when the browser is first started): installing a browser later
means running this script again, or using --all-browsers up front.
EOF
}

say() { printf 'readmode: %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Options

action=install
with_deps=yes
with_dev=no
scope=user
all_browsers=no
prefix=${PREFIX:-}

while [ $# -gt 0 ]; do
    case $1 in
        --dev) with_dev=yes ;;
        --no-deps) with_deps=no ;;
        --system) scope=system ;;
        --all-browsers) all_browsers=yes ;;
        --uninstall) action=uninstall ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done

OS=$(uname -s)
if [ "$scope" = system ]; then
    [ "$(id -u)" -eq 0 ] || die "--system writes to system folders: run it as root (sudo ./install.sh --system)"
    prefix=${prefix:-/usr/local}
    RECORD=$prefix/share/readmode/install.log
else
    prefix=${prefix:-$HOME/.local}
    RECORD=${XDG_DATA_HOME:-$HOME/.local/share}/readmode/install.log
fi
# Browsers need an absolute path in the manifest.
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
BINARY=$prefix/bin/readmode

# ---------------------------------------------------------------------------
# Step 1: dependencies

# Run as root: directly, or through sudo when available.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*'; run as root or install sudo"
    fi
}

has() { command -v "$1" >/dev/null 2>&1; }

# Echo the distribution family: debian, fedora, macos or unknown.
platform() {
    if [ "$OS" = Darwin ]; then
        echo macos
        return
    fi
    # shellcheck disable=SC1091 # read at run time, not part of this repo
    ids=$( (. /etc/os-release 2>/dev/null && echo "${ID:-} ${ID_LIKE:-}") || true)
    case " $ids " in
        *" debian "*|*" ubuntu "*) echo debian ;;
        *" fedora "*|*" rhel "*) echo fedora ;;
        *) echo unknown ;;
    esac
}

# Echo the packages among "$@" that the package manager reports missing.
missing_packages() {
    for pkg in "$@"; do
        case $PLATFORM in
            debian) dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed ;;
            fedora) rpm -q --whatprovides "$pkg" >/dev/null 2>&1 ;;
            macos) brew list --versions "$pkg" >/dev/null 2>&1 ;;
        esac || printf '%s ' "$pkg"
    done
}

# Echo "$2" when command $1 is not on PATH: tools can come from anywhere
# (pyenv, nvm, a manual install), so a present command is good enough.
package_unless_command() {
    has "$1" || printf '%s ' "$2"
}

install_dependencies() {
    PLATFORM=$(platform)
    case $PLATFORM in
        debian) build="gcc make pkg-config libgumbo-dev libcjson-dev libunistring-dev libuchardet-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev check"
                browser_pkg=chromium firefox_pkg=firefox-esr epub_check=epubcheck ;;
        fedora) build="gcc make pkgconf gumbo-parser-devel cjson-devel libunistring-devel uchardet-devel libzip-devel cmark-gfm-devel check-devel"
                browser_pkg=chromium firefox_pkg=firefox epub_check= ;;
        macos)  has brew || die "Homebrew is needed on macOS: https://brew.sh"
                build="pkg-config gumbo-parser cjson libunistring uchardet libzip cmark-gfm check"
                browser_pkg= firefox_pkg= epub_check=epubcheck ;;
        *) say "unknown system: install a C11 compiler, make, pkg-config and the development" \
               "files of gumbo-parser, cJSON, libunistring, uchardet, libzip, cmark-gfm and Check" \
               "yourself, then use --no-deps"
           return ;;
    esac
    # shellcheck disable=SC2086 # word splitting of the package lists is wanted
    todo=$(missing_packages $build)
    if [ "$with_dev" = yes ]; then
        todo=$todo$(package_unless_command python3 python3)
        # clang with libFuzzer for `make fuzz` and the smoke round in `make check`
        case $PLATFORM in
            debian) todo=$todo$(missing_packages clang libclang-rt-dev) ;;
            fedora) todo=$todo$(missing_packages clang compiler-rt) ;;
        esac
        # The Markdown round-trip test and the bulk examples (examples/bulk).
        todo=$todo$(package_unless_command cmark-gfm cmark-gfm)
        todo=$todo$(package_unless_command parallel parallel)
        [ "$PLATFORM" != debian ] || todo=$todo$(missing_packages python3-distributed)
        # The completion test parses the zsh and fish completions.
        todo=$todo$(package_unless_command zsh zsh)
        todo=$todo$(package_unless_command fish fish)
        todo=$todo$(package_unless_command node "$([ "$PLATFORM" = macos ] && echo node || echo nodejs)")
        [ "$PLATFORM" = macos ] || todo=$todo$(package_unless_command npm npm)
        [ "$PLATFORM" = macos ] || todo=$todo$(package_unless_command man man-db)
        if [ -n "$browser_pkg" ] && ! has chromium && ! has chromium-browser; then
            todo="$todo$browser_pkg "
        fi
        if [ -n "$firefox_pkg" ] && ! has firefox-esr && ! has firefox; then
            todo="$todo$firefox_pkg "
        fi
        # epubcheck validates the EPUBs `readmode save --format epub` writes
        [ -z "$epub_check" ] || todo=$todo$(missing_packages $epub_check)
    fi
    if [ -n "$todo" ]; then
        say "installing packages: $todo"
        # shellcheck disable=SC2086
        case $PLATFORM in
            debian) as_root apt-get update -qq
                    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $todo ;;
            fedora) as_root dnf install -y -q $todo ;;
            macos)  brew install $todo ;;
        esac
    fi
    if [ "$with_dev" = yes ]; then
        install_browser_test_modules
        if [ "$PLATFORM" = macos ] && ! has chromium; then
            say "the browser test needs Chromium: install it and set CHROMIUM=/path/to/Chromium"
        fi
        if [ "$PLATFORM" = macos ] && ! has firefox; then
            say "the Firefox test needs Firefox: install it and set FIREFOX=/path/to/firefox"
        fi
    fi
}

# playwright-core (drives Chromium), puppeteer-core (drives Firefox over
# WebDriver BiDi) and web-ext (lints the extension) for tests/browser,
# pinned by its package-lock.json. Drivers only: no browser is downloaded
# (the tests use the system's).
install_browser_test_modules() {
    modules=$ROOT/tests/browser/node_modules
    if [ -d "$modules/playwright-core" ] && [ -d "$modules/puppeteer-core" ] && [ -d "$modules/web-ext" ]; then
        return
    fi
    has npm || die "npm is needed for the browser test modules"
    say "installing playwright-core, puppeteer-core and web-ext in tests/browser"
    (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --no-update-notifier --loglevel=error >/dev/null)
}

# ---------------------------------------------------------------------------
# Where the manifests go: one line per location,
#   browser name | folder whose presence shows the browser is used | manifest folder | chrome or firefox
# Sources: the browsers' documentation and source, collected in the
# project's native-messaging notes. Brave is also given Chrome's folder
# because some Brave builds read only that one.

user_locations() {
    if [ "$OS" = Darwin ]; then
        s="$HOME/Library/Application Support"
        cat <<EOF
Google Chrome|$s/Google/Chrome|$s/Google/Chrome/NativeMessagingHosts|chrome
Chromium|$s/Chromium|$s/Chromium/NativeMessagingHosts|chrome
Microsoft Edge|$s/Microsoft Edge|$s/Microsoft Edge/NativeMessagingHosts|chrome
Brave|$s/BraveSoftware/Brave-Browser|$s/BraveSoftware/Brave-Browser/NativeMessagingHosts|chrome
Brave|$s/BraveSoftware/Brave-Browser|$s/Google/Chrome/NativeMessagingHosts|chrome
Vivaldi|$s/Vivaldi|$s/Vivaldi/NativeMessagingHosts|chrome
Firefox|$s/Firefox|$s/Mozilla/NativeMessagingHosts|firefox
EOF
        return
    fi
    c=${XDG_CONFIG_HOME:-$HOME/.config}
    cat <<EOF
Google Chrome|$c/google-chrome|$c/google-chrome/NativeMessagingHosts|chrome
Chromium|$c/chromium|$c/chromium/NativeMessagingHosts|chrome
Microsoft Edge|$c/microsoft-edge|$c/microsoft-edge/NativeMessagingHosts|chrome
Brave|$c/BraveSoftware/Brave-Browser|$c/BraveSoftware/Brave-Browser/NativeMessagingHosts|chrome
Brave|$c/BraveSoftware/Brave-Browser|$c/google-chrome/NativeMessagingHosts|chrome
Vivaldi|$c/vivaldi|$c/vivaldi/NativeMessagingHosts|chrome
Firefox|$HOME/.mozilla|$HOME/.mozilla/native-messaging-hosts|firefox
EOF
}

# System folders are written for every browser: they are read by whichever
# browser any user installs, now or later. Brave and Vivaldi read Chrome's.
system_locations() {
    if [ "$OS" = Darwin ]; then
        cat <<'EOF'
Google Chrome, Brave|/|/Library/Google/Chrome/NativeMessagingHosts|chrome
Chromium|/|/Library/Application Support/Chromium/NativeMessagingHosts|chrome
Microsoft Edge|/|/Library/Microsoft/Edge/NativeMessagingHosts|chrome
Firefox|/|/Library/Application Support/Mozilla/NativeMessagingHosts|firefox
EOF
        return
    fi
    cat <<'EOF'
Google Chrome, Brave, Vivaldi|/|/etc/opt/chrome/native-messaging-hosts|chrome
Chromium|/|/etc/chromium/native-messaging-hosts|chrome
Microsoft Edge|/|/etc/opt/edge/native-messaging-hosts|chrome
Vivaldi|/|/etc/opt/vivaldi/native-messaging-hosts|chrome
Firefox|/|/usr/lib/mozilla/native-messaging-hosts|firefox
EOF
    # Fedora's 64-bit Firefox looks in lib64.
    if [ -d /usr/lib64 ] && [ ! -L /usr/lib64 ]; then
        echo 'Firefox|/|/usr/lib64/mozilla/native-messaging-hosts|firefox'
    fi
}

locations() {
    if [ "$scope" = system ]; then system_locations; else user_locations; fi
}

# ---------------------------------------------------------------------------
# The install record: "file PATH" and "dir PATH" lines.

record() {
    [ -d "$(dirname "$RECORD")" ] || create_record_dir
    grep -qxF "$1 $2" "$RECORD" 2>/dev/null || printf '%s %s\n' "$1" "$2" >>"$RECORD"
}

# The record's own folder, with its missing parents recorded in it too.
create_record_dir() {
    created=
    dir=$(dirname "$RECORD")
    while [ ! -d "$dir" ]; do
        created="$dir
$created"
        dir=$(dirname "$dir")
    done
    mkdir -p "$(dirname "$RECORD")"
    printf '%s' "$created" | while read -r dir; do
        printf 'dir %s\n' "$dir" >>"$RECORD"
    done
}

# mkdir -p that records each folder it creates, so that --uninstall can
# remove them again (when empty) without touching folders that were there.
make_dir() {
    [ -d "$1" ] && return
    make_dir "$(dirname "$1")"
    mkdir "$1"
    record dir "$1"
}

CHANGED=no
staged=
trap 'rm -f "$staged"' EXIT

# Put $2 at path $1 unless it already has exactly that content; the
# replacement is atomic (a running host keeps its old inode).
put_file() {
    if [ -f "$1" ] && cmp -s "$2" "$1"; then
        rm -f "$2"
        return
    fi
    make_dir "$(dirname "$1")"
    mv -f "$2" "$1.tmp.$$"
    mv -f "$1.tmp.$$" "$1"
    CHANGED=yes
}

# ---------------------------------------------------------------------------
# Steps 2 and 3: build and install the binary

build_and_install() {
    has make || die "make not found (drop --no-deps, or install make)"
    make -s -C "$ROOT"
    case $BINARY in *'
'*) die "the install path contains a newline: $BINARY" ;; esac
    make_dir "$prefix/bin"
    staged=$(mktemp "$prefix/bin/.readmode.XXXXXX")
    cp "$ROOT/build/readmode" "$staged"
    chmod 755 "$staged"
    put_file "$BINARY" "$staged"
    record file "$BINARY"
}

# ---------------------------------------------------------------------------
# Step 4: register the host

# The template with the binary's path filled in, JSON-escaped for the
# manifest and then escaped for sed's replacement text.
fill_template() {
    json_path=$(printf '%s' "$BINARY" | sed 's/[\\"]/\\&/g')
    sed_path=$(printf '%s' "$json_path" | sed 's/[\\&|]/\\&/g')
    sed "s|@READMODE_PATH@|$sed_path|" "$1"
}

# Echo the comma-separated list $1 with $2 added unless already there.
with_name() {
    case ", $1, " in
        *", $2, "*) printf '%s' "$1" ;;
        *) printf '%s' "${1:+$1, }$2" ;;
    esac
}

register() {
    registered=
    skipped=
    while IFS='|' read -r name used dir kind; do
        if [ "$scope" = user ] && [ "$all_browsers" = no ] && [ ! -d "$used" ]; then
            skipped=$(with_name "$skipped" "$name")
            continue
        fi
        if [ "$kind" = chrome ]; then template=$CHROME_TEMPLATE; else template=$FIREFOX_TEMPLATE; fi
        staged=$(mktemp "${TMPDIR:-/tmp}/readmode-manifest.XXXXXX")
        fill_template "$template" >"$staged"
        put_file "$dir/$HOST_NAME.json" "$staged"
        record file "$dir/$HOST_NAME.json"
        registered=$(with_name "$registered" "$name")
    done <<EOF
$(locations)
EOF
}

# Talk to the installed binary the way a browser does: a 4-byte native-order
# length (25 = 0x19, little-endian as on every platform we support), the
# JSON request, the origin as argv[1]. Any reply with "ok":true will do.
self_test() {
    origin=$(sed -n 's|.*"\(chrome-extension://[a-p]*/\)".*|\1|p' "$CHROME_TEMPLATE")
    reply=$(printf '\031\000\000\000{"id":1,"type":"version"}' | "$BINARY" "$origin" 2>/dev/null | tail -c +5) || true
    case $reply in
        *'"ok":true'*) ;;
        *) die "$BINARY was installed but does not answer as a native host (reply: '$reply')" ;;
    esac
}

install_main() {
    if [ "$with_deps" = yes ]; then install_dependencies; fi
    build_and_install
    register
    self_test
    if [ "$CHANGED" = no ]; then
        say "up to date: $BINARY, registered for: ${registered:-no browser}"
        return
    fi
    say "installed $BINARY"
    say "registered $HOST_NAME for: ${registered:-no browser}"
    if [ -n "$skipped" ]; then
        say "not registered (no profile folder, browser never started): $skipped;" \
            "re-run after starting it, or use --all-browsers"
    fi
    case ":$PATH:" in *":$prefix/bin:"*) ;; *) say "note: $prefix/bin is not on your PATH" ;; esac
    say "next: load $ROOT/extension-manifest into the browser (see README.md, "The browser extension")"
}

# ---------------------------------------------------------------------------
# Uninstall: everything in the record, plus our manifests wherever we could
# have put them (in case the record was lost), plus the binary.

remove_file() {
    [ -f "$1" ] || [ -L "$1" ] || return 0
    rm -f "$1"
    say "removed $1"
}

uninstall_main() {
    dirs=
    if [ -f "$RECORD" ]; then
        while read -r kind path; do
            case $kind in
                file) remove_file "$path" ;;
                dir) dirs="$dirs$path
" ;;
            esac
        done <"$RECORD"
    fi
    while IFS='|' read -r name used dir kind; do
        remove_file "$dir/$HOST_NAME.json"
    done <<EOF
$(locations)
EOF
    remove_file "$BINARY"
    rm -f "$RECORD"
    # Deepest folders first; rmdir leaves any folder that is not empty
    # (the readmode data folder stays when it holds saved articles).
    printf '%s' "$dirs" | sort -r | while read -r path; do
        if [ -n "$path" ]; then rmdir "$path" 2>/dev/null || true; fi
    done
    say "uninstalled"
}

if [ "$action" = uninstall ]; then
    uninstall_main
else
    install_main
fi
