#!/bin/bash
# tests/completions/test_completions.sh — the shell completions: bash
# completes options, formats, folders and pages; zsh and fish files parse
# (checked when those shells are installed).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readmode-completions.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir pages
touch pages/a.html pages/b.htm notes.txt

# shellcheck source=/dev/null
source "$root/completions/readmode.bash"
complete_line() {   # complete_line WORD... : completes the last word
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _readmode
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
expect() {   # expect GOT WANTED
    if [ "$1" != "$2" ]; then
        echo "completion: got '$1', want '$2'" >&2
        exit 1
    fi
}
expect "$(complete_line readmode --form)" "--format "
expect "$(complete_line readmode -f m)" "markdown "
expect "$(complete_line readmode --format=j)" "--format=json "
expect "$(complete_line readmode -q pages/)" "pages/a.html pages/b.htm "
expect "$(complete_line readmode -o pag)" "pages "
expect "$(complete_line readmode --files-)" "--files-from "
expect "$(complete_line readmode sa)" "save "
expect "$(complete_line readmode save --f)" "--force --format "
expect "$(complete_line readmode save --format e)" "epub "
expect "$(complete_line readmode d)" "delete "
expect "$(complete_line readmode sh)" "show "
expect "$(complete_line readmode list --g)" "--grep "
expect "$(complete_line readmode show --l)" "--library "
echo "completions: bash completes options, values and pages"

for shell in zsh fish; do
    file=$root/completions/$([ $shell = zsh ] && echo _readmode || echo readmode.fish)
    if command -v $shell >/dev/null 2>&1; then
        $shell -n "$file"
        echo "completions: $shell file parses"
    else
        echo "completions: $shell not installed, its file was not parsed"
    fi
done
