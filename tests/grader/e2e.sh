#!/bin/sh
# e2e.sh -- the grader end to end, as `make check` runs it: batch over a
# generated class (CSV, feedback, cache, duplicates, write-then-rename;
# names others parse, --hidden, progress, stale feedback, shards and merge),
# watch re-grading on save, --figure (curves, and a path over contours with
# its spec's mistakes at file:line), keys --check, and lua/slope.lua under
# plain luajit.  Needs SLOPE_GRADER (the binary) and runs from the tree's root.
set -eu
G=${SLOPE_GRADER:-build/bin/grader}
EX=tests/grader/exercises
BUILD_LIB=$(dirname "$(dirname "$G")")/lib
W=$(mktemp -d "${TMPDIR:-/tmp}/slope-e2e-XXXXXX")
trap 'rm -rf "$W"' EXIT
export TMPDIR="$W/tmp" XDG_STATE_HOME="$W/state"
mkdir -p "$TMPDIR"
fail() { echo "e2e: FAIL: $*" >&2; exit 1; }

# ---- batch: five students, one a duplicate, one in a directory (hidden cases too) -
mkdir -p "$W/class/bob"
cp $EX/01-twice/solution.c "$W/class/alice.c"
cp tests/grader/submissions/twice_int.c "$W/class/bob/twice.c"
cp tests/grader/hostile/null_deref.c "$W/class/carol.c"
cp $EX/01-twice/solution.c "$W/class/dave.c"
cp tests/grader/hostile/not_c.c "$W/class/eve.c"
"$G" batch 1 "$W/class" -o "$W/grades.csv" --hidden -j 2 --time-limit 0.5 --exercises $EX > "$W/batch.out" \
    || fail "batch exit $?"
grep -q "5 submissions (4 graded, 1 from the cache or duplicates)" "$W/batch.out" || fail "batch dedup: $(cat "$W/batch.out")"
grep -qx "name,score,max,verdict,case1,case2,case3,case4,case5_hidden" "$W/grades.csv" || fail "csv header"
grep -qx "alice,5,5,passed,1,1,1,1,1" "$W/grades.csv" || fail "alice row"
grep -qx "bob,3,5,wrong answer,1,0,1,0,1" "$W/grades.csv" || fail "bob row"
grep -qx "carol,4,5,crashed,1,0,1,1,1" "$W/grades.csv" || fail "carol row"
grep -qx "dave,5,5,passed,1,1,1,1,1" "$W/grades.csv" || fail "dave row"
grep -qx "eve,0,5,compile error,0,0,0,0,0" "$W/grades.csv" || fail "eve row"
grep -q '"status": "failed"' "$W/grades.feedback/bob.json" || fail "bob feedback"
[ -z "$(find "$W" -name '*.tmp')" ] || fail "half-written files left"
# Re-running grades nothing; a changed file is graded again.
"$G" batch 1 "$W/class" -o "$W/grades.csv" --hidden --time-limit 0.5 --exercises $EX > "$W/batch.out"
grep -q "(0 graded, 5 from the cache" "$W/batch.out" || fail "batch cache: $(cat "$W/batch.out")"
cp $EX/01-twice/solution.c "$W/class/carol.c"
"$G" batch 1 "$W/class" -o "$W/grades.csv" --hidden --time-limit 0.5 --exercises $EX > "$W/batch.out"
grep -qx "carol,5,5,passed,1,1,1,1,1" "$W/grades.csv" || fail "carol regraded"
# kill -9 in the middle leaves only complete rows.
for i in $(seq 1 12); do sed "s/2.0 \* x/2.0 * x + $i * 0.0/" $EX/01-twice/solution.c > "$W/class/s$i.c"; done
"$G" batch 1 "$W/class" -o "$W/grades.csv" --hidden -j 2 --time-limit 0.5 --exercises $EX > /dev/null &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
awk -F, 'NR > 1 && NF != 9 { bad = 1 } END { exit bad }' "$W/grades.csv" || fail "a half-written row"
"$G" batch 1 "$W/class" -o "$W/grades.csv" --hidden -j 2 --time-limit 0.5 --exercises $EX > /dev/null
[ "$(grep -c ',5,5,passed,' "$W/grades.csv")" = 15 ] || fail "after the kill: $(cat "$W/grades.csv")"

# ---- batch: names others parse, --hidden, progress, stale feedback --------------------
# File names a spreadsheet would run as formulas, a bare CR and LF, a tab, a
# comma and quotes, a byte that is not UTF-8, and alice.c beside a folder
# alice/: one row each, as Python's csv reads it.
B="$W/names"
mkdir -p "$B/class/alice"
for n in "=HYPERLINK(1)" "@SUM(A1)" "-bob" "cronly$(printf '\r')x" "lf$(printf '\nx')" "tab$(printf '\t')z" \
         'a,b "q"' "$(printf '\377')x" alice; do
    cp $EX/01-twice/solution.c "$B/class/$n.c"
done
cp tests/grader/submissions/twice_int.c "$B/class/+1-2.c"
cp $EX/01-twice/solution.c "$B/class/alice/main.c"
"$G" batch 1 "$B/class" -o "$B/grades.csv" --time-limit 0.5 --exercises $EX > "$B/batch.out" 2> "$B/batch.err" \
    || fail "batch of odd names: exit $?"
# Without --hidden the hidden case 5 is not run: four columns, 4 points.
head -n 1 "$B/grades.csv" | grep -qx "name,score,max,verdict,case1,case2,case3,case4" \
    || fail "hidden cases ran without --hidden: $(head -n 1 "$B/grades.csv")"
grep -q "^'-bob,4,4,passed,1,1,1,1$" "$B/grades.csv" || fail "-bob row: $(cat "$B/grades.csv")"
# Not a terminal: no progress line.
[ ! -s "$B/batch.err" ] || fail "batch wrote to a stderr that is not a terminal: $(cat "$B/batch.err")"
[ "$(wc -l < "$B/grades.csv")" = 11 ] || fail "a name split a row: $(cat "$B/grades.csv")"
if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 - "$B/grades.csv" "$B/grades.feedback" << 'PY' || fail "the gradebook as Python's csv reads it"
import csv, os, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
assert rows[0] == ["name", "score", "max", "verdict", "case1", "case2", "case3", "case4"], rows[0]
# RFC 4180 keeps each cell whole; OWASP's leading ' defuses a formula;
# control bytes and the byte 0xFF are written \xHH.
want = ["'=HYPERLINK(1)", "'@SUM(A1)", "'-bob", "'+1-2", "cronly\\x0Dx", "lf\\x0Ax", "tab\\x09z",
        'a,b "q"', "\\xFFx", "alice"]
names = [r[0] for r in rows[1:]]
assert names == sorted(want), names
for r in rows:
    assert len(r) == 8, r
    for cell in r:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), r
        assert not any(ord(ch) < 0x20 for ch in cell), r
for r in rows[1:]:
    assert os.path.isfile(os.path.join(sys.argv[2], r[0] + ".json")), r[0]
by = {r[0]: r for r in rows[1:]}
assert by["'+1-2"][1:4] == ["2", "4", "wrong answer"], by["'+1-2"]
assert by['a,b "q"'][1:4] == ["4", "4", "passed"], by['a,b "q"']
assert by["alice"][1] == "0" and "alice.c" in by["alice"][3] and "alice/" in by["alice"][3], by["alice"]
PY
else
    echo "e2e: the gradebook's Python csv check skipped (no /usr/bin/python3)"
fi
grep -q "was not graded" "$B/grades.feedback/alice.json" || fail "alice's feedback does not say why"
# A terminal gets a progress line rewritten in place: done/total, elapsed, ETA.
if command -v script > /dev/null; then
    script -qec "$G batch 1 $B/class -o $B/tty.csv -j 2 --time-limit 0.5 --exercises $EX > /dev/null" /dev/null \
        < /dev/null > "$B/tty.txt" || fail "batch under script: exit $?"
    grep -q "batch: 10/10 done, [0-9]*:[0-9][0-9] elapsed, ETA 0:00" "$B/tty.txt" \
        || fail "no progress line on a terminal: $(cat -A "$B/tty.txt")"
    [ "$(tr -cd '\r' < "$B/tty.txt" | wc -c)" -ge 3 ] || fail "progress not rewritten in place: $(cat -A "$B/tty.txt")"
else
    echo "e2e: the progress line skipped (no script(1), from util-linux's bsdutils)"
fi
# --hidden without hidden keys is a usage error with a hint.
mkdir -p "$B/ex" && cp -r $EX/01-twice "$B/ex/" && rm "$B/ex/01-twice/keys/hidden.txt"
st=0
"$G" batch 1 "$B/class" -o "$B/h.csv" --hidden --exercises "$B/ex" > "$B/h.out" 2>&1 || st=$?
[ "$st" = 2 ] && grep -q "^HINT: " "$B/h.out" || fail "--hidden without keys: exit $st: $(cat "$B/h.out")"
# A deleted submission's feedback goes; everyone else's stays byte for byte.
cp -r "$B/grades.feedback" "$B/before" && cp "$B/grades.csv" "$B/before.csv"
rm "$B/class/-bob.c"
"$G" batch 1 "$B/class" -o "$B/grades.csv" --time-limit 0.5 --exercises $EX > "$B/batch.out"
grep -q "(0 graded, .*1 stale feedback file removed)" "$B/batch.out" || fail "rerun: $(cat "$B/batch.out")"
[ ! -e "$B/grades.feedback/'-bob.json" ] || fail "a deleted submission's feedback stayed"
rm "$B/before/'-bob.json"
diff -r -x .cache "$B/before" "$B/grades.feedback" > /dev/null || fail "feedback changed on a rerun"
grep -v "^'-bob," "$B/before.csv" | cmp -s - "$B/grades.csv" || fail "gradebook changed on a rerun"

# ---- batch --shard I/N and merge: the same bytes as one run --------------------------------
# The one-machine loop of grader/README.md (GNU parallel and a Slurm job
# array run the same commands elsewhere), then merge in any order.
mkdir "$B/parts"
for i in 1 2 3; do
    "$G" batch 1 "$B/class" -o "$B/parts/grades-$i.csv" --shard $i/3 --hidden --time-limit 0.5 --exercises $EX \
        > /dev/null || fail "shard $i/3"
done
"$G" batch 1 "$B/class" -o "$B/whole.csv" --hidden --time-limit 0.5 --exercises $EX > /dev/null
"$G" merge "$B/merged.csv" "$B/parts/grades-3.csv" "$B/parts/grades-1.csv" "$B/parts/grades-2.csv" > "$B/merge.out" \
    || fail "merge: exit $?"
cmp "$B/merged.csv" "$B/whole.csv" || fail "merged gradebook differs: $(diff "$B/merged.csv" "$B/whole.csv")"
# Feedback files too, but for execution_time: each grading's own clock.
for f in "$B/whole.feedback"/*.json "$B/whole.feedback/.gradebook"; do
    grep -v '"execution_time"' "$f" > "$B/a.txt"; grep -v '"execution_time"' "$B/merged.feedback/${f##*/}" > "$B/b.txt"
    cmp -s "$B/a.txt" "$B/b.txt" || fail "merged feedback differs: ${f##*/}"
done
[ "$(ls -A "$B/merged.feedback" | wc -l)" = "$(ls -A "$B/whole.feedback" | wc -l)" ] || fail "merged feedback: other files"
for i in 1 2 3; do [ "$(wc -l < "$B/parts/grades-$i.csv")" -ge 2 ] || fail "shard $i/3 is empty"; done
# A shard depends on the names only: with three students gone, shard 1/3
# holds the same others.
mkdir "$B/fewer" && cp -r "$B/class/." "$B/fewer/" && rm -r "$B/fewer/alice" "$B/fewer/+1-2.c" "$B/fewer/@SUM(A1).c"
"$G" batch 1 "$B/fewer" -o "$B/fewer.csv" --shard 1/3 --hidden --time-limit 0.5 --exercises $EX > /dev/null
cut -d, -f1 "$B/parts/grades-1.csv" | grep -v -e "^alice$" -e "^'+1-2$" -e "^'@SUM(A1)$" > "$B/want.txt"
cut -d, -f1 "$B/fewer.csv" | cmp -s - "$B/want.txt" || fail "shard 1/3 changed with the folder's contents"
# Refused: a student in two parts, a missing shard, parts of two exercises.
"$G" batch 2 "$B/class" -o "$B/parts/scale-2.csv" --shard 2/3 --exercises $EX > /dev/null || true
for parts in "grades-1 grades-1 grades-2 grades-3:is in both" "grades-1 grades-3:shard 2/3 is missing" \
             "grades-1 scale-2 grades-3:different exercises"; do
    set -- $(echo "${parts%%:*}" | sed "s#[^ ]*#$B/parts/&.csv#g")
    st=0
    "$G" merge "$B/bad.csv" "$@" > "$B/bad.out" 2>&1 || st=$?
    [ "$st" = 2 ] && grep -q "${parts#*:}" "$B/bad.out" && grep -q "^HINT: " "$B/bad.out" \
        || fail "merge ${parts%%:*}: exit $st: $(cat "$B/bad.out")"
done

# ---- watch: grade now, and again when the file is saved ----------------------------
cp tests/grader/submissions/twice_int.c "$W/mine.c"
SLOPE_WATCH_RUNS=2 "$G" watch 1 "$W/mine.c" --cc cc --exercises $EX > "$W/watch.out" 2>&1 &
pid=$!
for i in $(seq 1 50); do grep -q "watching" "$W/watch.out" 2>/dev/null && break; sleep 0.1; done
cp $EX/01-twice/solution.c "$W/mine.c.new" && mv "$W/mine.c.new" "$W/mine.c"
for i in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill $pid 2>/dev/null && fail "watch did not re-grade"
grep -q "Score: 2/4 -- wrong answer" "$W/watch.out" || fail "watch first run: $(cat "$W/watch.out")"
grep -q "Score: 4/4 -- passed" "$W/watch.out" || fail "watch after save: $(cat "$W/watch.out")"

# ---- figure, keys -------------------------------------------------------------------------
"$G" check 3 tests/grader/submissions/central_forward.c --figure "$W/fig.svg" --exercises $EX > /dev/null || true
grep -q "<svg" "$W/fig.svg" || fail "no svg figure"
# Two series on log-log axes, each value drawn through the spec's map.
"$G" check 4 $EX/04-unchanged/solution.c --figure "$W/fig2.svg" --exercises $EX > /dev/null || fail "check 4"
grep -q "small h, yours" "$W/fig2.svg" || fail "no second series in the figure"
# A path over contour lines (x = "pairs"): well-formed SVG in which the
# contours, the start, the reference's path and yours are each a group with
# something drawn in it.
"$G" check 5 tests/grader/submissions/gd_path_slow.c --figure "$W/path.svg" --exercises $EX \
    > /dev/null 2> "$W/path.err" && fail "gd_path_slow.c passed"
[ -s "$W/path.svg" ] || fail "no path figure: $(cat "$W/path.err")"
if command -v xmllint > /dev/null; then
    xmllint --noout "$W/path.svg" 2> "$W/xml.err" || fail "path figure: not well-formed: $(head -3 "$W/xml.err")"
else
    [ "$(tail -n 1 "$W/path.svg")" = "</svg>" ] || fail "path figure: not a whole svg"
fi
for part in contours "start (2.385, 1.25)" reference yours; do
    awk -v t="<title>$part</title>" 'index($0, t) { g = 1; next } g && /<path|<use/ { found = 1; exit }
                                     g && /<g id="gnuplot_plot/ { g = 0 } END { exit !found }' "$W/path.svg" \
        || fail "path figure: nothing drawn for '$part'"
done
[ "$(grep -c '<path' "$W/path.svg")" -ge 10 ] || fail "path figure: too few paths"
# A contour function that returns no number is the spec's mistake, at its line.
st=0
"$G" check tests/grader/badspecs/07-bad-path-figure $EX/01-twice/solution.c > "$W/bad.out" 2>&1 || st=$?
[ "$st" = 2 ] || fail "bad path figure: exit $st"
grep -q "07-bad-path-figure/spec.lua:3: figure.contour(0, 0) returned boolean, not a number" "$W/bad.out" \
    || fail "bad path figure: $(cat "$W/bad.out")"
"$G" keys --check --exercises $EX > /dev/null || fail "keys differ from the solutions"
[ -z "$(ls -A "$TMPDIR")" ] || fail "temp files left: $(ls -A "$TMPDIR")"

# ---- lua/slope.lua under plain luajit --------------------------------------------------------
# (A sanitizer build's libslope needs the ASan runtime first: not loadable
# into a plain luajit, so that build skips this part.)
if ldd "$BUILD_LIB/libslope.so.0" | grep -q libasan; then
    echo "e2e: lua/slope.lua skipped (a sanitizer build of libslope)"
else
    SLOPE_LIB="$BUILD_LIB/libslope.so.0" LUA_PATH='lua/?.lua;;' luajit tests/grader/test_slope.lua > /dev/null \
        || fail "lua/slope.lua"
fi

# ---- cli: the course from any folder, watch before the file, --figure's name -----------------
# A copy of the fixture course as a student keeps it, used from other folders
# with no --exercises: the course is found above the submission's folder.
GA=$(cd "$(dirname "$G")" && pwd)/$(basename "$G")
EXA=$(pwd)/$EX
unset SLOPE_EXERCISES
mkdir -p "$W/course/work" "$W/elsewhere" "$W/nocourse"
cp -r $EX "$W/course/exercises"
cp $EX/01-twice/solution.c "$W/course/work/fd.c"
(cd "$W/elsewhere" && "$GA" check 1 ../course/work/fd.c > "$W/cli.out" 2>&1) \
    || fail "check 1 from another folder: $(cat "$W/cli.out")"
grep -q "Score: 4/4 -- passed" "$W/cli.out" || fail "check from another folder: $(cat "$W/cli.out")"
for cmd in "list" "keys --check 1" "check 1 fd.c"; do
    (cd "$W/course/work" && "$GA" $cmd > "$W/cli.out" 2>&1) || fail "$cmd in the course's work folder: $(cat "$W/cli.out")"
done
# No course anywhere above: the folders searched, and how to point at one.
cp $EX/01-twice/solution.c "$W/nocourse/fd.c"
for cmd in "check 1 fd.c" "list" "keys" "watch 1 fd.c"; do
    st=0
    (cd "$W/nocourse" && "$GA" $cmd > "$W/cli.out" 2>&1) || st=$?
    [ "$st" = 2 ] || fail "$cmd with no course: exit $st"
    for want in "no course found" "$W/nocourse and every folder above it" "HINT:" "--exercises DIR" "SLOPE_EXERCISES"; do
        grep -qF -- "$want" "$W/cli.out" || fail "$cmd with no course: no '$want' in: $(cat "$W/cli.out")"
    done
done
# Specs that require "slope" load from any folder (the declarations are in the binary).
(cd "$W/elsewhere" && "$GA" list --exercises "$EXA" > "$W/cli.out" 2>&1) || fail "list from another folder: $(cat "$W/cli.out")"
grep -q "spec error" "$W/cli.out" && fail "list from another folder: $(cat "$W/cli.out")"
grep -q "not started  02-scale                   Scale a vector" "$W/cli.out" || fail "list: $(cat "$W/cli.out")"

# watch on a file not written yet says it waits, and grades it once it appears;
# a folder that does not exist is exit 2.
SLOPE_WATCH_RUNS=2 "$G" watch 1 "$W/later.c" --cc cc --exercises $EX > "$W/watch2.out" 2>&1 &
pid=$!
for i in $(seq 1 50); do grep -q "waiting for it to appear" "$W/watch2.out" 2>/dev/null && break; sleep 0.1; done
grep -q "later.c does not exist yet: waiting for it to appear" "$W/watch2.out" || fail "watch before the file: $(cat "$W/watch2.out")"
cp $EX/01-twice/solution.c "$W/later.c.new" && mv "$W/later.c.new" "$W/later.c"
for i in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill $pid 2>/dev/null && fail "watch did not grade the file once it appeared"
grep -q "Score: 4/4 -- passed" "$W/watch2.out" || fail "watch once the file appeared: $(cat "$W/watch2.out")"
st=0
"$G" watch 1 "$W/no/such/folder/x.c" --exercises $EX > "$W/cli.out" 2>&1 || st=$?
[ "$st" = 2 ] && grep -q "no folder $W/no/such/folder" "$W/cli.out" && grep -q HINT "$W/cli.out" \
    || fail "watch in a missing folder: exit $st: $(cat "$W/cli.out")"

# --figure: a name gnuplot cannot write is exit 2 before any grading; the
# course's style.gp (800x500) is used from any folder, not the fallback (640x400).
for f in "$W/out.pdf" "$W/missing/dir/out.png" "$W/noext"; do
    st=0
    "$G" check 3 $EX/03-central-diff/solution.c --figure "$f" --exercises $EX > "$W/cli.out" 2>&1 || st=$?
    [ "$st" = 2 ] || fail "--figure $f: exit $st"
    grep -q -- "--figure $f: " "$W/cli.out" && grep -q HINT "$W/cli.out" || fail "--figure $f: $(cat "$W/cli.out")"
    grep -q "Score:" "$W/cli.out" && fail "--figure $f graded before refusing"
    [ ! -e "$f" ] || fail "--figure $f was written"
done
(cd "$W/elsewhere" && "$GA" check 3 "$EXA/03-central-diff/solution.c" --figure fig.svg --exercises "$EXA" > "$W/cli.out" 2>&1) \
    || fail "--figure from another folder: $(cat "$W/cli.out")"
grep -q 'width="800" height="500"' "$W/elsewhere/fig.svg" || fail "--figure from another folder: not the course's style.gp"
[ -z "$(ls -A "$TMPDIR")" ] || fail "temp files left: $(ls -A "$TMPDIR")"

# ---- Gradescope: the README's run_autograder, and what a student gets back ---------------
# The recipe's own line, run in a scratch /autograder (its source a link to
# this tree) with none, one and two .c files.  Each results.json is parsed by
# Python's json module (strict: no NaN) and checked against Gradescope's
# documented fields; without /usr/bin/python3, by node's JSON.parse (the
# website's tests need node), and without either only its text is checked.
PY=/usr/bin/python3
if [ ! -x $PY ]; then
    command -v node > /dev/null && echo "e2e: results.json parsed by node: no /usr/bin/python3" \
        || echo "e2e: results.json not parsed: neither /usr/bin/python3 nor node"
fi
results_check() {  # FILE SCORE(number or "max") TEXT [MARKER...]: MARKER in no visible field
    if [ ! -x $PY ]; then
        command -v node > /dev/null || { grep -q "\"score\": " "$1" || fail "$1: no score: $(cat "$1")"; return 0; }
        node -e '
const [path, score, text, ...markers] = process.argv.slice(1);
const r = JSON.parse(require("fs").readFileSync(path, "utf8"));
const top = ["score", "execution_time", "output", "output_format", "visibility", "stdout_visibility", "extra_data", "tests"];
const perTest = ["name", "score", "max_score", "status", "output", "visibility"];
const bad = (keys, known) => keys.filter((k) => !known.includes(k));
if (bad(Object.keys(r), top).length) throw new Error("fields Gradescope does not document: " + bad(Object.keys(r), top));
for (const t of r.tests) if (bad(Object.keys(t), perTest).length) throw new Error("test fields: " + Object.keys(t));
const want = score === "max" ? r.extra_data.max_score : Number(score);
if (r.score !== want) throw new Error("score " + r.score + ", want " + want);
if (!r.output.includes(text)) throw new Error(text + " not in the output");
const visible = [r.output, ...r.tests.filter((t) => t.visibility === "visible").map((t) => t.output)];
for (const m of markers) if (visible.some((v) => v.includes(m))) throw new Error(m + " in a visible field");
' "$@" || fail "$1: $(cat "$1")"
        return 0
    fi
    $PY - "$@" <<'PYEOF' || fail "$1: $(cat "$1")"
import json, sys
path, score, text, markers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def no_constant(name):
    raise ValueError("not JSON: " + name)
with open(path, encoding="utf-8") as f:
    r = json.load(f, parse_constant=no_constant)
top = {"score", "execution_time", "output", "output_format", "visibility", "stdout_visibility", "extra_data", "tests"}
per_test = {"name", "score", "max_score", "status", "output", "visibility"}
assert set(r) <= top, "fields Gradescope does not document: %s" % (set(r) - top)
for t in r["tests"]:
    assert set(t) <= per_test, "test fields Gradescope does not document: %s" % (set(t) - per_test)
    assert t["status"] in ("passed", "failed") and t["visibility"] in ("visible", "hidden"), t
want = r["extra_data"]["max_score"] if score == "max" else float(score)
assert r["score"] == want, "score %s, want %s" % (r["score"], want)
assert text in r["output"], "%r not in the output %r" % (text, r["output"])
visible = [r["output"]] + [t["output"] for t in r["tests"] if t["visibility"] == "visible"]
for m in markers:
    assert not any(m in v for v in visible), "%r in a visible field" % m
PYEOF
}
AG=$W/autograder
mkdir -p "$AG/submission" "$AG/results"
ln -s "$(pwd)" "$AG/source"
recipe=$(grep '^ *cd /autograder/source && build/bin/grader check ' README.md | sed 's/^ *//')
[ -n "$recipe" ] || fail "no run_autograder line in README.md"
GA=$(cd "$(dirname "$G")" && pwd)/$(basename "$G")
printf '#!/bin/sh\n%s\n' "$recipe" | sed "s#/autograder#$AG#g; s#build/bin/grader#$GA#" > "$AG/run_autograder"
ex=$(echo "$recipe" | sed 's/.* check \([^ ]*\) .*/\1/')
exdir=$(ls -d exercises/0"$ex"-* 2> /dev/null | head -n 1)
[ -n "$exdir" ] || fail "the recipe's exercise '$ex' is not in exercises/"
echo "notes" > "$AG/submission/README.txt"
sh "$AG/run_autograder" 2> "$W/ag.err" && fail "run_autograder passed with no .c file"
results_check "$AG/results/results.json" 0 "Your submission holds no .c file"
cp "$exdir/solution.c" "$AG/submission/mine.c"
sh "$AG/run_autograder" 2> "$W/ag.err" || fail "run_autograder with one .c file: $(cat "$W/ag.err")"
results_check "$AG/results/results.json" max "passed"
grep -q '"visibility": "hidden"' "$AG/results/results.json" || fail "no hidden test in results.json"
mkdir "$AG/submission/old" && cp "$exdir/starter.c" "$AG/submission/old/draft.c"
sh "$AG/run_autograder" 2> "$W/ag.err" && fail "run_autograder passed with two .c files"
results_check "$AG/results/results.json" 0 "Your submission holds 2 .c files (mine.c, old/draft.c)"
grep -q "HINT: " "$W/ag.err" || fail "no HINT for the instructor: $(cat "$W/ag.err")"
# The grader's own failure (here: no runner to start) is exit 3, and still a results.json.
st=0
SLOPE_RUNNER=/nonexistent "$G" check 1 $EX/01-twice/solution.c --format json --exercises $EX \
    > "$W/internal.json" 2> "$W/internal.err" || st=$?
[ "$st" = 3 ] || fail "no runner: exit $st: $(cat "$W/internal.err")"
results_check "$W/internal.json" 0 "The grader failed (not your code's fault)"

# What the code printed while a hidden case ran, and that case's expected
# value, reach no visible field; batch's feedback files (handed back to
# students) are the same results.json, unless the instructor reveals.
hid='twice got 3.5e-310'
"$G" check 1 tests/grader/submissions/twice_prints.c --hidden --format json --exercises $EX > "$W/prints.json" \
    && fail "twice_prints.c passed"
# The expected value of case 5, 2 * 3.5e-310, in its shortest form.
if [ -x $PY ]; then want=$($PY -c 'print(repr(2 * 3.5e-310))')
elif command -v node > /dev/null; then want=$(node -e 'console.log(String(2 * 3.5e-310))')
else want=7.00000000000003e-310; fi
results_check "$W/prints.json" 4 "4 of 4 public cases passed" "$hid" "$want"
mkdir -p "$W/class2"
cp tests/grader/submissions/twice_prints.c "$W/class2/pat.c"
"$G" batch 1 "$W/class2" -o "$W/g2.csv" --hidden --time-limit 5 --exercises $EX > /dev/null || fail "batch class2"
results_check "$W/g2.feedback/pat.json" 4 "1 hidden case is graded too"
! grep -q -e "$hid" -e "$want" "$W/g2.feedback/pat.json" || fail "a hidden case leaked: $(cat "$W/g2.feedback/pat.json")"
"$G" batch 1 "$W/class2" -o "$W/g3.csv" --hidden --time-limit 5 --reveal-hidden --exercises $EX > /dev/null \
    || fail "batch --reveal-hidden"
grep -q "$want" "$W/g3.feedback/pat.json" || fail "--reveal-hidden: $(cat "$W/g3.feedback/pat.json")"
grep -qx "pat,4,5,wrong answer,1,1,1,1,0" "$W/g2.csv" || fail "pat row: $(cat "$W/g2.csv")"
# watch passes --first on to each grading.
cp tests/grader/submissions/twice_int.c "$W/first.c"
SLOPE_WATCH_RUNS=1 "$G" watch 1 "$W/first.c" --first --cc cc --exercises $EX > "$W/watch1.out" 2>&1 \
    || fail "watch --first: $(cat "$W/watch1.out")"
grep -q "and 2 more cases not shown: 1 failed, 1 passed" "$W/watch1.out" || fail "watch --first: $(cat "$W/watch1.out")"

# ---- the private filesystem view, with every compiler the machine has --------------------
# Each compiler (cc always; tcc, which watch prefers, and clang when
# installed) runs in the view: it finds its own programs, headers and
# libraries there, and neither it nor the code it builds can see the key.
KEY=$(pwd)/$EX/01-twice/keys/hidden.txt
GRADER_ABS=$(cd "$(dirname "$G")" && pwd)/$(basename "$G")
for probe in view_stat_key view_has_include_key; do
    sed -e "s|@KEY@|$KEY|g" -e "s|@GRADER@|$GRADER_ABS|g" tests/grader/hostile/$probe.c > "$W/$probe.c"
done
for cc in cc tcc clang; do
    command -v $cc > /dev/null || { echo "e2e: view with $cc: skipped (not installed)"; continue; }
    for probe in view_stat_key view_has_include_key; do
        "$G" check 1 "$W/$probe.c" --cc $cc --no-progress --exercises $EX > "$W/view.out" 2>&1 \
            || fail "view with $cc, $probe: $(cat "$W/view.out")"
        grep -q "private filesystem view" "$W/view.out" && fail "view with $cc: no view: $(cat "$W/view.out")"
    done
done
[ -z "$(ls -A "$TMPDIR")" ] || fail "temp files left by the view: $(ls -A "$TMPDIR")"

echo "grader-e2e: batch, watch, figure, keys, slope.lua, the commands from any folder, Gradescope and the view passed"
