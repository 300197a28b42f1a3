#!/bin/sh
# dist-check.sh TARBALL NAME [quick|full] -- test the student distribution:
# no reference solution, hidden key or mutant inside; every exercise complete for a
# student; the unpacked tree builds the grader, which runs on a starter (and
# fails it) and on a reference solution (public cases: passes); with `full`,
# `make check` passes in the unpacked tree.  Run from the tree's root.
set -eu
tarball=${1:?usage: dist-check.sh TARBALL NAME [quick|full]}
name=${2:?usage: dist-check.sh TARBALL NAME [quick|full]}
mode=${3:-quick}
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }

list=$(tar -tzf "$tarball")
echo "$list" | grep -E "^$name/exercises/.*/solution\.c$" && fail "a reference solution is in $tarball"
echo "$list" | grep -E "^$name/exercises/.*/keys/hidden\.txt$" && fail "hidden keys are in $tarball"
echo "$list" | grep -E "^$name/exercises/.*/mutants/" && fail "mutant solutions are in $tarball"
echo "$list" | grep -Ev "^$name/" && fail "entries outside $name/"
for f in Makefile README.md lib/slope.h grader/main.c lua/slope.lua grader/grader.mk; do
    echo "$list" | grep -qx "$name/$f" || fail "$f is missing"
done

w=$(mktemp -d "${TMPDIR:-/tmp}/slope-dist-check-XXXXXX")
trap 'rm -rf "$w"' EXIT
tar -C "$w" -xzf "$tarball"
t=$w/$name
n=0
for d in "$t"/exercises/[0-9][0-9]-*/; do
    [ -f "$d/spec.lua" ] || continue
    ex=$(basename "$d")
    for f in exercise.h spec.lua README.md starter.c keys/public.txt; do
        [ -f "$d/$f" ] || fail "$ex: $f is missing"
    done
    n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no exercises in $tarball"

# A fresh build dir inside the unpacked tree, as a student would have: the
# caller's make flags (BUILD=..., -j) are not passed down.
unset MAKEFLAGS MAKELEVEL MFLAGS
make -C "$t" --no-print-directory -s BUILD=build grader lib >"$w/build.log" 2>&1 \
    || { cat "$w/build.log" >&2; fail "make grader in the unpacked tree"; }
g=$t/build/bin/grader
export XDG_STATE_HOME="$w/state"
for d in "$t"/exercises/[0-9][0-9]-*/; do
    [ -f "$d/spec.lua" ] || continue
    ex=$(basename "$d")
    # The starter must compile, run every case and fail (exit 1), not crash
    # the grader (3) or trip over a spec (2).
    set +e
    (cd "$t" && "$g" check "$ex" "exercises/$ex/starter.c" --no-progress) >"$w/starter.out" 2>&1
    rc=$?
    set -e
    [ "$rc" -eq 1 ] || { cat "$w/starter.out" >&2; fail "$ex: grader check on starter.c exited $rc, not 1"; }
    grep -q "FAIL" "$w/starter.out" || fail "$ex: no failing case reported for starter.c"
    # The instructor's solution, graded by the student's tree: the public
    # keys shipped are the ones the solution produces.
    if [ -f "exercises/$ex/solution.c" ]; then
        cp "exercises/$ex/solution.c" "$w/mine.c"
        (cd "$t" && "$g" check "$ex" "$w/mine.c" --no-progress) >"$w/solution.out" 2>&1 \
            || { cat "$w/solution.out" >&2; fail "$ex: the reference solution fails in the unpacked tree"; }
        # --hidden must say the keys are absent, not pass silently.
        if (cd "$t" && "$g" check "$ex" "$w/mine.c" --hidden --no-progress) >/dev/null 2>&1; then
            fail "$ex: --hidden passed without hidden keys"
        fi
    fi
    echo "dist-check: $ex: starter fails cleanly, public keys ok"
done

if [ "$mode" = full ]; then
    make -C "$t" --no-print-directory BUILD=build check >"$w/check.log" 2>&1 \
        || { tail -40 "$w/check.log" >&2; fail "make check in the unpacked tree"; }
    echo "dist-check: make check passes in the unpacked tree"
fi
echo "dist-check: $tarball: $n exercises, no solution.c, no hidden keys, no mutants"
