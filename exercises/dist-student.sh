#!/bin/sh
# dist-student.sh OUT.tar.gz VERSION -- the student distribution: everything
# needed to read the course, build it, run `make check` and grade exercises,
# without the instructors' files, and with exercises/student-README.md as its
# README.md.  Run from the tree's root (make does).
#
# Left out: every exercise's reference solution (exercises/*/solution.c), its
# hidden answer keys (exercises/*/keys/hidden.txt), its mutants (wrong
# solutions that break one edge rule each: exercises/*/mutants/), build
# products, and
# drafts kept beside the exercises for the maintainers.  The grader's own
# test fixtures (tests/grader/exercises/) keep their tiny solutions and
# hidden keys: they are test data for the grader, not course answers, and
# `make check` needs them.
set -eu
out=${1:?usage: dist-student.sh OUT.tar.gz VERSION}
version=${2:?usage: dist-student.sh OUT.tar.gz VERSION}
name=slope-student-$version

# What a student needs, in the tree's own layout.  bench/ and .ci/ are not
# needed to learn, but the Makefile and CI script refer to them.
paths="Makefile README.md .clang-format .gitignore .ci bench chapters grader lib lua plots site tests exercises"
for p in Makefile README.md exercises/student-README.md lib grader lua chapters exercises; do
    [ -e "$p" ] || { echo "dist-student: $p is missing: run from the tree's root" >&2; exit 2; }
done

stage=$(mktemp -d "${TMPDIR:-/tmp}/slope-dist-XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
for p in $paths; do
    if [ -e "$p" ]; then cp -R "$p" "$stage/$name/"; fi
done
root=$stage/$name

# The top-level README is the instructors' (solutions, answer keys, grading
# a class): the tarball's is the student README, which stays beside the
# exercises as well so that a student tree can make this tarball again.
cp exercises/student-README.md "$root/README.md"

# Instructors' files.
find "$root/exercises" -name solution.c -type f -exec rm -f {} +
find "$root/exercises" -path '*/keys/hidden.txt' -type f -exec rm -f {} +
find "$root/exercises" -name mutants -type d -prune -exec rm -rf {} +
# Build products and editor litter that may sit in a working tree.
find "$root" \( -name '*.o' -o -name '*.d' -o -name '*.so' -o -name '*.a' -o -name '*~' \
              -o -name '*.tmp' -o -name '.*.swp' \) -type f -exec rm -f {} +
find "$root" -name __pycache__ -type d -prune -exec rm -rf {} +

# Refuse to ship an answer, whatever the copy above did.
leak=$(find "$root/exercises" \( -name solution.c -o -name hidden.txt -o -name mutants \) -print)
if [ -n "$leak" ]; then
    echo "dist-student: instructor files would ship: $leak" >&2
    exit 1
fi

# Reproducible: fixed owners, sorted names, one timestamp, no gzip header time.
stamp=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
mkdir -p "$(dirname "$out")"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
    -cf - "$name" | gzip -n -9 > "$out.tmp"
mv "$out.tmp" "$out"
echo "dist-student: $out ($(find "$root" -type f | wc -l) files)"
