#!/bin/sh
# Makes a class-data archive of adagrad's classes (-XX:ArchiveClassesAtExit) from one training run of adagrad with the
# given java, which then starts from it with -XX:SharedArchiveFile. The run is the worked example unless arguments
# for adagrad follow. The JVM records the jar's path and the java's own archive in it and refuses it with any other,
# so the build runs this with target/runtime's java for ./adagrad (pom.xml), and the Debian package's postinst runs it
# where the package is installed (src/dist/build-deb.sh), as Debian's Python packages byte-compile there.
# Usage: make-archive.sh JAVA JAR ARCHIVE [ADAGRAD ARGUMENTS]
set -e
java="${1:?usage: make-archive.sh JAVA JAR ARCHIVE [ADAGRAD ARGUMENTS]}"
jar="${2:?usage: make-archive.sh JAVA JAR ARCHIVE [ADAGRAD ARGUMENTS]}"
archive="${3:?usage: make-archive.sh JAVA JAR ARCHIVE [ADAGRAD ARGUMENTS]}"
shift 3
if [ $# -eq 0 ]; then
  set -- run --f "x^2" --x0 4 --lr 1 --steps 10
fi
# Written beside its place and moved there whole: a JVM that maps a half-written archive can crash.
next="$archive.next.$$"
trap 'rm -f "$next" "$next.log"' EXIT
rm -f "$archive"
if "$java" -XX:ArchiveClassesAtExit="$next" -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable \
    -Xlog:all=warning:stderr -cp "$jar" dev.adagrad.Main "$@" >"$next.log" 2>&1 && [ -f "$next" ]; then
  mv -f "$next" "$archive"
else
  cat "$next.log" >&2
  echo "make-archive.sh: no class-data archive made for $jar: adagrad runs without one, only starts slower" >&2
  exit 1
fi
