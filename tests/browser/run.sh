#!/bin/sh
# run.sh — run the browser tests: the extension in headless Chromium against
# the real native host (reader.test.mjs, saved.test.mjs).
#
#   tests/browser/run.sh /abs/path/to/readmode
#
# Needs Chromium (CHROMIUM=/path overrides the search) and playwright-core in
# tests/browser/node_modules (`./install.sh --dev` installs both). When one
# is missing the test is skipped, except under CI=true, where a missing
# prerequisite is a failure: CI must never report green without running it.
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

# Print why the test cannot run; fail under CI, skip elsewhere.
missing() {
    if [ "${CI:-}" = true ]; then
        echo "browser test: FAILED, $1 (CI=true: prerequisites are mandatory)" >&2
        exit 1
    fi
    echo "browser test: SKIPPED, $1 (run ./install.sh --dev to install it)"
    exit 0
}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for candidate in chromium chromium-browser; do
        if command -v "$candidate" >/dev/null 2>&1; then
            browser=$(command -v "$candidate")
            break
        fi
    done
fi
if [ -z "$browser" ] && [ -x "/Applications/Chromium.app/Contents/MacOS/Chromium" ]; then
    browser=/Applications/Chromium.app/Contents/MacOS/Chromium
fi
[ -n "$browser" ] || missing "Chromium not found (set CHROMIUM=/path/to/chromium)"
[ -x "$browser" ] || missing "CHROMIUM=$browser is not an executable file"
command -v node >/dev/null 2>&1 || missing "node not found"
[ -d "$here/node_modules/playwright-core" ] || missing "playwright-core not installed in $here/node_modules"

# The reader view, then the offline library (saving, the Saved page).
status=0
for t in reader saved; do
    node "$here/$t.test.mjs" "$binary" "$browser" || status=1
done
exit $status
