#!/usr/bin/env bash
# Makes target/runtime, the Java runtime ./adagrad starts: jlink's image of only the four modules adagrad uses, with
# a class-data archive of its own JDK classes (java -Xshare:dump). The build's training runs use its bin/java too, so
# the archives of adagrad's classes belong to it. Run by `mvn package` before those training runs.
#
# Why: when a program runs from the class path, the JVM resolves every module of the image it starts from before
# main; the JDK's 70 modules cost about 16 ms of each start, the nine of this image about 7 ms (-Xlog:startuptime,
# "Initialize module system"). The JVM is the JDK's own build (jlink's --strip-debug only drops its symbols), so long
# runs compile and run the same.
#
# A JDK whose jlink cannot make the image (JDK 17 needs the jmods, which some distributions ship separately) gets a
# link to its own java as bin/java instead: ./adagrad then starts as it did before, only slower. The image depends on
# the JDK alone, not on adagrad's sources, so it is kept from build to build while the JDK, whether it has jmods, and
# the module list stay the same; when it is made again, the archives made with the old one are deleted with it.
# Usage: make-runtime.sh JAVA_HOME TARGET_DIR
set -euo pipefail

jdk="$1"
target="$2"
runtime="$target/runtime"
# java.desktop draws the pictures (AWT, ImageIO); java.sql is referenced by Commons CSV; jdk.unsupported holds
# sun.misc.Signal. `jdeps --print-module-deps target/adagrad.jar` names the same four. The Debian package ships this
# image (src/dist/build-deb.sh).
modules=java.base,java.desktop,java.sql,jdk.unsupported
stamp="$runtime.made-from" # beside the image, not in it: the Debian package copies the image whole
made_from="$(printf '%s\n%s\njmods: %s\n' "$jdk" "$modules" "$([ -d "$jdk/jmods" ] && echo yes || echo no)"
             cat "$jdk/release" 2>/dev/null || true)"

if [ -x "$runtime/bin/java" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$made_from" ]; then
  echo "kept $runtime (made from the same JDK and modules)"
  exit 0
fi
# Made beside its place and moved there whole, so that a build stopped half-way leaves no half an image behind.
next="$runtime.next.$$"
trap 'rm -rf "$next"' EXIT
rm -rf "$next"
if [ -x "$jdk/bin/jlink" ] && "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files --output "$next" 2>"$target/runtime-jlink.log"; then
  # The archive of the image's JDK classes; adagrad's own go to the archives the training runs make on top of it.
  # Dumped with the serial collector adagrad runs with, so it holds no heap objects only G1 could map.
  "$next/bin/java" -Xshare:dump -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable >/dev/null
  said="made $runtime: $modules"
else
  rm -rf "$next"
  mkdir -p "$next/bin"
  ln -s "$jdk/bin/java" "$next/bin/java"
  said="$jdk/bin/jlink made no image ($target/runtime-jlink.log): $runtime/bin/java is that JDK's java"
fi
rm -rf "$runtime" "$stamp" "$target"/adagrad*.jsa
mv "$next" "$runtime"
printf '%s\n' "$made_from" > "$stamp"
echo "$said"
