#!/bin/sh
# run.sh — run the browser tests: the extension in headless Chromium and in
# headless Firefox, each against the real native host; in Chromium also the
# offline library (saved.test.mjs).
#
#   tests/browser/run.sh /abs/path/to/readmode
#
# First `web-ext lint` checks the extension for Firefox: no errors and no
# warnings. Needs Chromium (CHROMIUM=/path overrides the search), Firefox
# ESR (FIREFOX=/path overrides), node, and playwright-core, puppeteer-core
# and web-ext in tests/browser/node_modules (`./install.sh --dev` installs them all). When
# one is missing, the test that needs it is skipped with the reason, except
# under CI=true, where a missing prerequisite is a failure: CI must never
# report green without running both browsers.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 1 ]; then
    echo "usage: $0 /abs/path/to/readmode" >&2
    exit 2
fi
binary=$1
case $binary in
    /*) ;;
    *) echo "browser test: the host path must be absolute (browsers reject relative paths): $binary" >&2
       exit 2 ;;
esac
if [ ! -x "$binary" ]; then
    echo "browser test: $binary is not an executable file" >&2
    exit 2
fi

# Why a browser test cannot run, or "" when it can.
reason() {
    browser=$1 module=$2 name=$3
    if [ -z "$browser" ]; then echo "$name not found"; return; fi
    if [ ! -x "$browser" ]; then echo "$name at $browser is not an executable file"; return; fi
    if ! command -v node >/dev/null 2>&1; then echo "node not found"; return; fi
    if [ ! -d "$here/node_modules/$module" ]; then echo "$module not installed in $here/node_modules"; return; fi
    echo ""
}

# The first of the given commands that exists, as a path.
find_browser() {
    for candidate in "$@"; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return; fi
    done
}

chromium=${CHROMIUM:-$(find_browser chromium chromium-browser)}
if [ -z "$chromium" ] && [ -x "/Applications/Chromium.app/Contents/MacOS/Chromium" ]; then
    chromium=/Applications/Chromium.app/Contents/MacOS/Chromium
fi
firefox=${FIREFOX:-$(find_browser firefox-esr firefox)}

failed=0
run() {
    name=$1 why=$2 script=$3 browser=$4
    if [ -n "$why" ]; then
        if [ "${CI:-}" = true ]; then
            echo "browser test ($name): FAILED, $why (CI=true: prerequisites are mandatory)" >&2
            failed=1
        else
            echo "browser test ($name): SKIPPED, $why (run ./install.sh --dev to install it)"
        fi
        return
    fi
    echo "# browser test: $name ($browser)"
    node "$here/$script" "$binary" "$browser" || failed=1
}

lint_reason() {
    if ! command -v node >/dev/null 2>&1; then echo "node not found"; return; fi
    if [ ! -x "$here/node_modules/.bin/web-ext" ]; then echo "web-ext not installed in $here/node_modules"; return; fi
    echo ""
}
why=$(lint_reason)
if [ -n "$why" ]; then
    if [ "${CI:-}" = true ]; then
        echo "web-ext lint: FAILED, $why (CI=true: prerequisites are mandatory)" >&2
        failed=1
    else
        echo "web-ext lint: SKIPPED, $why (run ./install.sh --dev to install it)"
    fi
elif "$here/node_modules/.bin/web-ext" lint --no-config-discovery --warnings-as-errors \
        --source-dir "$here/../../extension-manifest" --output text >"${TMPDIR:-/tmp}/readmode-lint.$$" 2>&1; then
    echo "ok - web-ext lint: no errors, no warnings"
    rm -f "${TMPDIR:-/tmp}/readmode-lint.$$"
else
    cat "${TMPDIR:-/tmp}/readmode-lint.$$"
    rm -f "${TMPDIR:-/tmp}/readmode-lint.$$"
    echo "not ok - web-ext lint"
    failed=1
fi

run Chromium "$(reason "$chromium" playwright-core Chromium)" reader.test.mjs "$chromium"
run "Chromium, saved articles" "$(reason "$chromium" playwright-core Chromium)" saved.test.mjs "$chromium"
run Firefox "$(reason "$firefox" puppeteer-core "Firefox (firefox-esr)")" firefox.test.mjs "$firefox"
exit $failed
