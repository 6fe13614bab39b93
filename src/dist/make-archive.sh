#!/bin/sh
# Makes lib/adagrad.jsa, the class-data archive of adagrad's classes, from a training run of the worked example with
# the package's runtime. The JVM records the jar's path in the archive and refuses it anywhere else, so it is made
# where the package is installed: the postinst runs this (as Debian's Python packages byte-compile there), the prerm
# removes the archive, and bin/adagrad starts without one when it is missing. Usage: make-archive.sh APP_DIR
set -e
app="$1"
archive="$app/lib/adagrad.jsa"
rm -f "$archive"
"$app/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$archive" -XX:+UseSerialGC -Xlog:disable \
  -cp "$app/lib/app/adagrad.jar" dev.adagrad.Main run --f "x^2" --x0 4 --lr 1 --steps 10 >/dev/null 2>&1 \
  || { rm -f "$archive"; echo "adagrad: no class-data archive made; adagrad still runs, only starts slower" >&2; }
