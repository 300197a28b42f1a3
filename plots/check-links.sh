#!/bin/sh
# check-links.sh LESSON... -- every image a lesson links with ![...](PATH)
# exists, PATH taken relative to the lesson, so that a reader of lesson.md in
# a markdown viewer sees each figure.  Exits 1 naming each missing one.
bad=0
for lesson in "$@"; do
    here=$(dirname "$lesson")
    for path in $(grep -o '!\[[^]]*\]([^)]*)' "$lesson" | sed 's/.*](\([^)]*\))/\1/'); do
        [ -s "$here/$path" ] || { echo "figures-check: $lesson links $path, which is missing" >&2; bad=1; }
    done
done
exit $bad
