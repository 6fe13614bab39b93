#!/usr/bin/env bash
# Makes target/runtime, the Java runtime ./adagrad starts: jlink's image of only the four modules adagrad uses, with
# a class-data archive of its own JDK classes (java -Xshare:dump). The build's training runs use its bin/java too, so
# the archives of adagrad's classes belong to it. Run by `mvn package` before those training runs.
#
# Why: when a program runs from the class path, the JVM resolves every module of the image it starts from before
# main; the JDK's 70 modules cost about 16 ms of each start, the nine of this image about 7 ms (-Xlog:startuptime,
# "Initialize module system"). The JVM is the JDK's own (the same libjvm.so), so long runs compile and run the same.
#
# A JDK without jmods (a JRE, or a distribution that ships them separately) cannot jlink: then bin/java is a link to
# the JDK's own java, and ./adagrad starts as it did before, only slower. The image depends on the JDK alone, not on
# adagrad's sources, so it is kept from build to build while the JDK and the module list stay the same.
# Usage: make-runtime.sh JAVA_HOME TARGET_DIR
set -euo pipefail

jdk="$1"
runtime="$2/runtime"
# java.desktop draws the pictures (AWT, ImageIO); java.sql is referenced by Commons CSV; jdk.unsupported holds
# sun.misc.Signal. `jdeps --print-module-deps target/adagrad.jar` names the same four. The Debian package ships this
# image (src/dist/build-deb.sh).
modules=java.base,java.desktop,java.sql,jdk.unsupported
stamp="$runtime.made-from" # beside the image, not in it: the Debian package copies the image whole
made_from="$(printf '%s\n%s\n' "$jdk" "$modules"; cat "$jdk/release" 2>/dev/null || true)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$made_from" ]; then
  echo "kept $runtime (made from the same JDK and modules)"
  exit 0
fi
rm -rf "$runtime" "$stamp"
if [ -d "$jdk/jmods" ] && [ -x "$jdk/bin/jlink" ]; then
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$runtime"
  # The archive of the image's JDK classes; adagrad's own go to the archives the training runs make on top of it.
  # Dumped with the serial collector adagrad runs with, so it holds no heap objects only G1 could map.
  "$runtime/bin/java" -Xshare:dump -XX:+UseSerialGC -Xlog:disable >/dev/null
  echo "made $runtime: $modules"
else
  mkdir -p "$runtime/bin"
  ln -s "$jdk/bin/java" "$runtime/bin/java"
  echo "no jmods in $jdk to make a runtime from: $runtime/bin/java is that JDK's java"
fi
printf '%s\n' "$made_from" > "$stamp"
