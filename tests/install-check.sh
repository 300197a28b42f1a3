#!/bin/sh
# install-check.sh -- install libslope as its users do and use each
# installation from outside the source tree, with no LD_LIBRARY_PATH:
#
#   1. a packager's staging tree: DESTDIR=scratch PREFIX=/usr/local; a
#      program builds against it through pkg-config's sysroot, and /usr/local
#      (found by the dynamic linker only through ld.so.cache) gets an rpath,
#      while PREFIX=/usr gets none;
#   2. a non-system prefix, DESTDIR empty: a program built with
#      PKG_CONFIG_PATH alone runs (slope.pc's rpath), and the installed Lua
#      binding, loaded with LUA_PATH alone, finds the installed headers and
#      library;
#      the installed grader, run from there, lists its exercises, loads
#      specs that require "slope" and draws in the installed style.gp;
#   3. that installation moved elsewhere: the binding still finds its own
#      library (relative to itself); a copy of the binding in another folder
#      finds it at the absolute path written at install time.
#
# Run from the tree's root by `make install-check`, which sets MAKE, BUILD,
# CC and SANFLAGS.  Exit 0 when all pass, 1 with a message on the first failure.
set -eu
: "${MAKE:=make}" "${BUILD:=build}" "${CC:=cc}" "${SANFLAGS:=}"
fail() { echo "install-check: FAIL: $*" >&2; exit 1; }
unset LD_LIBRARY_PATH PKG_CONFIG_PATH PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR \
      SLOPE_LIB SLOPE_INCLUDE LUA_PATH LUA_CPATH

w=$(mktemp -d "${TMPDIR:-/tmp}/slope-install-check-XXXXXX")
trap 'rm -rf "$w"' EXIT
src=$(pwd)
install_into() {   # install_into VAR=VALUE...: make install quietly, or fail
    "$MAKE" --no-print-directory -s BUILD="$BUILD" install "$@" >"$w/install.log" 2>&1 \
        || { cat "$w/install.log" >&2; fail "make install $*"; }
}
# 3 and 4 as doubles: |(3, 4)| = 5 exactly.
printf '#include <slope.h>\nint main(void){return slope_linalg_norm2((double[]){3,4},2)==5.0?0:1;}\n' > "$w/t.c"

# ---- 0. a relative PREFIX: refused, since slope.pc and the binding name it -------------
st=0
"$MAKE" --no-print-directory -s BUILD="$BUILD" install PREFIX=relative/prefix >"$w/rel.log" 2>&1 || st=$?
grep -q "install: 'relative/prefix' is not an absolute path" "$w/rel.log" && grep -q HINT "$w/rel.log" \
    && [ "$st" = 2 ] || { cat "$w/rel.log" >&2; fail "make install PREFIX=relative/prefix: exit $st"; }
[ ! -e relative ] || fail "make install PREFIX=relative/prefix created ./relative"

# ---- 1. a staging tree ---------------------------------------------------------------
install_into DESTDIR="$w/stage" PREFIX=/usr/local
libs=$(PKG_CONFIG_SYSROOT_DIR="$w/stage" PKG_CONFIG_LIBDIR="$w/stage/usr/local/lib/pkgconfig" \
       pkg-config --cflags --libs --static slope)
case "$libs" in *"-Wl,-rpath,/usr/local/lib "*) ;; *) fail "PREFIX=/usr/local: no rpath in: $libs" ;; esac
$CC $SANFLAGS "$w/t.c" $libs -o "$w/t" || fail "a program does not build against the staging tree"
LD_LIBRARY_PATH="$w/stage/usr/local/lib" "$w/t" || fail "the program built against the staging tree"
install_into DESTDIR="$w/stage-usr" PREFIX=/usr
libs=$(PKG_CONFIG_LIBDIR="$w/stage-usr/usr/lib/pkgconfig" pkg-config --libs slope)
case "$libs" in *rpath*) fail "PREFIX=/usr: an rpath in: $libs" ;; esac

# ---- 2. a non-system prefix, used in place ----------------------------------------------
p=$w/prefix
install_into PREFIX="$p" DESTDIR=
libs=$(PKG_CONFIG_PATH="$p/lib/pkgconfig" pkg-config --cflags --libs slope) \
    || fail "pkg-config finds no slope.pc with PKG_CONFIG_PATH=$p/lib/pkgconfig"
$CC $SANFLAGS "$w/t.c" $libs -lm -o "$w/prog" || fail "a program does not build with: $libs"
"$w/prog" || fail "the program built with PKG_CONFIG_PATH does not run without LD_LIBRARY_PATH"

# The installed grader, from a folder outside the source tree: it finds its
# own exercises, specs that require "slope" load (their declarations are
# compiled in), and a figure takes the installed plots/style.gp (800x500),
# not the built-in fallback (640x400).
(cd "$w" && XDG_STATE_HOME="$w/state" "$p/bin/grader" list > "$w/list.out" 2>&1) || { cat "$w/list.out" >&2; fail "the installed grader list"; }
grep -q "not started  01-" "$w/list.out" || fail "the installed grader lists no exercise: $(cat "$w/list.out")"
# Without keys/time.txt every case would get the flat 2 s limit, not the
# reference's own time: the installed course has each exercise's times.
for d in "$src"/exercises/[0-9]*/; do
    e=$(basename "$d")
    cmp -s "$d/keys/time.txt" "$p/share/slope/exercises/$e/keys/time.txt" \
        || fail "the installed exercise $e has no keys/time.txt as in the source tree"
done
(cd "$w" && "$p/bin/grader" list --exercises "$src/tests/grader/exercises" > "$w/list.out" 2>&1) \
    || { cat "$w/list.out" >&2; fail "the installed grader, list of the fixture exercises"; }
(cd "$w" && "$p/bin/grader" check 3 "$src/tests/grader/exercises/03-central-diff/solution.c" --no-progress \
    --exercises "$src/tests/grader/exercises" --figure "$w/fig.svg" > "$w/fig.out" 2>&1) \
    || { cat "$w/fig.out" >&2; fail "the installed grader, check with --figure"; }
grep -q 'width="800" height="500"' "$w/fig.svg" || fail "the installed grader's figure is not in the course's style"

# The binding, from a folder outside the source tree.  A sanitizer build's
# libslope needs the ASan runtime loaded first, which a plain luajit is not.
lua_norm() {   # lua_norm DIR: load DIR/slope.lua, print the library's path if |(3,4)| = 5
    (cd "$w" && LUA_PATH="$1/?.lua" luajit -e '
        local s = require "slope"
        assert(s.linalg_norm2(s.doubles{3, 4}, 2) == 5, "norm2(3, 4) is not 5")
        io.write(s.path, "\n")')
}
used="a pkg-config program and the Lua binding run"
if ldd "$src/$BUILD/lib/libslope.so.0" | grep -q libasan; then
    echo "install-check: the Lua binding skipped (a sanitizer build of libslope)"
    used="a pkg-config program runs"
else
    got=$(lua_norm "$p/share/slope/lua") || fail "the installed Lua binding"
    case "$got" in "$p/share/slope/lua/../../../lib/libslope.so.0") ;;
        *) fail "the installed binding loaded $got, not $p/lib's" ;; esac
    # ---- 3. moved, and copied ----------------------------------------------------------
    mv "$p" "$w/moved"
    got=$(lua_norm "$w/moved/share/slope/lua") || fail "the moved installation's Lua binding"
    case "$got" in "$w/moved/share/slope/lua/../../../lib/libslope.so.0") ;;
        *) fail "the moved binding loaded $got, not its own library" ;; esac
    mv "$w/moved" "$p"
    mkdir "$w/elsewhere" && cp "$p/share/slope/lua/slope.lua" "$w/elsewhere/"
    got=$(lua_norm "$w/elsewhere") || fail "a copy of the installed Lua binding"
    [ "$got" = "$p/lib/libslope.so.0" ] || fail "the copied binding loaded $got, not $p/lib's"
fi
echo "install: from a DESTDIR and from a scratch PREFIX, $used with no LD_LIBRARY_PATH"
