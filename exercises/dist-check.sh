#!/bin/sh
# dist-check.sh TARBALL NAME [quick|full] -- test the student distribution:
# no reference solution, hidden key or mutant inside; its README.md is the student
# README (exercises/student-README.md), whose links all resolve and which
# links every chapter and exercise; every exercise complete for a student;
# in the unpacked tree, `make exercises-check` builds the grader, finds each
# starter failing cleanly and says that the reference solutions are absent
# (not "no for solution.c"); the grader there passes each reference solution
# of this tree on the public cases; with `full`, `make check` passes in the
# unpacked tree.  Run from the tree's root.
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
for f in Makefile README.md exercises/student-README.md lib/slope.h grader/main.c lua/slope.lua \
         grader/grader.mk; do
    echo "$list" | grep -qx "$name/$f" || fail "$f is missing"
done

w=$(mktemp -d "${TMPDIR:-/tmp}/slope-dist-check-XXXXXX")
trap 'rm -rf "$w"' EXIT
tar -C "$w" -xzf "$tarball"
t=$w/$name

# The README a student opens first is theirs, and it tells the truth about
# this tree: each link leads somewhere, each chapter and exercise is linked,
# and the instructors' commands are not in it.
cmp -s "$t/README.md" exercises/student-README.md \
    || fail "README.md is not exercises/student-README.md"
links=$(grep -o '](\([^)#]*\))' "$t/README.md" | sed 's/^](\(.*\))$/\1/' | grep -v '://' || true)
[ -n "$links" ] || fail "README.md links nothing"
for l in $links; do
    [ -e "$t/$l" ] || fail "README.md links $l, which is not in the tarball"
done
for d in "$t"/chapters/[0-9][0-9]-*/ "$t"/exercises/[0-9][0-9]*-*/; do
    d=${d#"$t"/}; d=${d%/}
    echo "$links" | grep -q "^$d/" || fail "README.md does not link $d"
done
for instructor in 'make keys' 'grader keys' 'grader batch' '--hidden' 'solution\.c'; do
    if grep -q -e "$instructor" "$t/README.md"; then fail "README.md mentions $instructor (an instructors' command or file)"; fi
done
n=0
for d in "$t"/exercises/[0-9][0-9]*-*/; do
    [ -f "$d/spec.lua" ] || continue
    ex=$(basename "$d")
    for f in exercise.h spec.lua README.md starter.c keys/public.txt; do
        [ -f "$d/$f" ] || fail "$ex: $f is missing"
    done
    n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no exercises in $tarball"

# A fresh build dir inside the unpacked tree, as a student would have: the
# caller's make flags (BUILD=..., -j) are not passed down, nor DIST_FULL
# (make exports it from the command line: the unpacked tree's own make check
# would unpack and check a tarball again, without end).  exercises-check
# builds the grader and checks every starter as `make check` does there:
# it compiles warning-free, runs every case and fails with wrong answers only.
unset MAKEFLAGS MAKELEVEL MFLAGS DIST_FULL
export XDG_STATE_HOME="$w/state"
make -C "$t" --no-print-directory -s BUILD=build exercises-check >"$w/exercises.log" 2>&1 \
    || { cat "$w/exercises.log" >&2; fail "make exercises-check in the unpacked tree"; }
grep -q "exercises-check: $n exercises: every starter fails cleanly (no reference solutions in this distribution); every edge rule" \
    "$w/exercises.log" || { cat "$w/exercises.log" >&2; fail "exercises-check's summary"; }
if grep -q "solution\.c" "$w/exercises.log"; then
    cat "$w/exercises.log" >&2; fail "exercises-check reports on solution.c, which is not in the tarball"
fi
g=$t/build/bin/grader
for d in "$t"/exercises/[0-9][0-9]*-*/; do
    [ -f "$d/spec.lua" ] || continue
    ex=$(basename "$d")
    grep -Eq "^exercises-check: $ex: starter fails cleanly, [0-9.]+/[0-9.]+ \(no reference solution in this distribution\); .*rule.*$" \
        "$w/exercises.log" || { cat "$w/exercises.log" >&2; fail "$ex: exercises-check's line"; }
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
        echo "dist-check: $ex: starter fails cleanly, public keys ok"
    else
        echo "dist-check: $ex: starter fails cleanly (no reference solution here to check the public keys with)"
    fi
done

if [ "$mode" = full ]; then
    make -C "$t" --no-print-directory BUILD=build check >"$w/check.log" 2>&1 \
        || { tail -40 "$w/check.log" >&2; fail "make check in the unpacked tree"; }
    if grep -q "for solution\.c" "$w/check.log"; then
        grep "for solution\.c" "$w/check.log" >&2; fail "make check in the unpacked tree reports on solution.c"
    fi
    echo "dist-check: make check passes in the unpacked tree"
fi
echo "dist-check: $tarball: $n exercises, no solution.c, no hidden keys, no mutants"
