#!/bin/sh
# adagrad as the Debian package installs it, in /opt/adagrad/bin (/usr/bin/adagrad links here): the package's
# runtime started with ./adagrad's flags and, once the package's postinst has made it, the class-data archive of
# adagrad's classes (lib/make-archive.sh). jpackage's own launcher asks rpm and dpkg which package owns it at every
# start, 130 ms of a 300 ms worked example, so the package ships this script instead.
set -e
here="$(readlink -f -- "$0")"
app="${here%/bin/*}"
java="$app/lib/runtime/bin/java"
jar="$app/lib/app/adagrad.jar"
archive="$app/lib/adagrad.jsa"
flags="-XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -Xshare:auto"
if [ -f "$archive" ]; then
  exec "$java" $flags -XX:SharedArchiveFile="$archive" -cp "$jar" dev.adagrad.Main "$@"
fi
exec "$java" $flags -cp "$jar" dev.adagrad.Main "$@"
