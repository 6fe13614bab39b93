#!/usr/bin/env bash
# Builds target/adagrad_VERSION-1_ARCH.deb (mvn -B package -Pdist runs it after the jar is made).
#
# jpackage (JDK 17) makes the package: the jar and the build's runtime (target/runtime, src/build/make-runtime.sh:
# jlink's image of the four modules adagrad uses, with its JDK classes' archive) in /opt/adagrad, and the Depends line
# computed from the runtime's native libraries. jpackage cannot place files outside its application folder, so the
# package is then opened (dpkg-deb -R) to add what a command needs to feel installed, as files dpkg owns and removes:
#   /usr/bin/adagrad                                 a relative symbolic link to /opt/adagrad/bin/adagrad
#   /opt/adagrad/bin/adagrad                         src/dist/adagrad.sh, in place of jpackage's launcher, which runs
#                                                    rpm and dpkg at every start to learn which package owns it
#   /opt/adagrad/lib/make-archive.sh                 src/build/make-archive.sh, run by the postinst: the archive
#                                                    of adagrad's classes, made where it is used (the prerm removes it)
#   /usr/share/man/man1/adagrad*.1.gz                one roff page per command (target/man, made from the model)
#   /usr/share/bash-completion/completions/adagrad   picocli's completion script, made by `adagrad completion`
# and closed again (dpkg-deb -b). Usage: build-deb.sh VERSION TARGET_DIR
set -euo pipefail

version="${1%-SNAPSHOT}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0-1
target="$(cd "$2" && pwd)"
work="$target/dist"
rm -rf "$work" "$target"/adagrad_*.deb
mkdir -p "$work/input"
cp "$target/adagrad.jar" "$work/input/"

if [ ! -f "$target/runtime/lib/modules" ]; then
  echo "build-deb.sh: $target/runtime is not a jlink image (the JDK has no jmods); the package needs one" >&2
  exit 1
fi
jpackage --type deb --dest "$work/jpackage" --input "$work/input" --main-jar adagrad.jar \
  --main-class dev.adagrad.Main --name adagrad --app-version "$version" \
  --description "A command-line optimization explorer: type an objective, pick an optimizer, see every step." \
  --vendor adagrad --linux-app-category math --runtime-image "$target/runtime"

deb="$(ls "$work"/jpackage/adagrad_*.deb)"
tree="$work/tree"
dpkg-deb -R "$deb" "$tree"

dist="$(dirname "${BASH_SOURCE[0]}")"
app="$tree/opt/adagrad"
rm "$app/bin/adagrad" "$app/lib/libapplauncher.so" "$app/lib/app/adagrad.cfg"
install -m 755 "$dist/adagrad.sh" "$app/bin/adagrad"
install -m 755 "$dist/../build/make-archive.sh" "$app/lib/make-archive.sh"
# jpackage's maintainer scripts have an empty case for each action. The archive is made on configure, and again when
# an upgrade or removal is undone; it is removed before dpkg removes or replaces the files it was made from. A failed
# training leaves adagrad working, only slower to start, so it never fails the installation.
make="/opt/adagrad/lib/make-archive.sh /opt/adagrad/lib/runtime/bin/java /opt/adagrad/lib/app/adagrad.jar"
make="$make /opt/adagrad/lib/adagrad.jsa || true"
# (sed's # delimits: the line itself holds |.)
sed -i "s#^    configure)\$#&\n        $make#; s#^    abort-upgrade|abort-remove|abort-deconfigure)\$#&\n        $make#" \
  "$tree/DEBIAN/postinst"
sed -i 's#^    remove|upgrade|deconfigure)$#&\n        rm -f /opt/adagrad/lib/adagrad.jsa#' "$tree/DEBIAN/prerm"
[ "$(grep -c "make-archive.sh" "$tree/DEBIAN/postinst")" = 2 ] || { echo "build-deb.sh: postinst not changed" >&2; exit 1; }
grep -q "rm -f /opt/adagrad/lib/adagrad.jsa" "$tree/DEBIAN/prerm" || { echo "build-deb.sh: prerm not changed" >&2; exit 1; }

mkdir -p "$tree/usr/bin"
ln -s ../../opt/adagrad/bin/adagrad "$tree/usr/bin/adagrad"
man1="$tree/usr/share/man/man1"
mkdir -p "$man1"
for page in "$target"/man/*.1; do
  gzip -9 -n -c "$page" > "$man1/$(basename "$page").gz"
done
completions="$tree/usr/share/bash-completion/completions"
mkdir -p "$completions"
java -jar "$target/adagrad.jar" completion > "$completions/adagrad"

# dpkg checks installed files against md5sums when there is one; jpackage writes none, so neither do we.
size="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$tree/DEBIAN/control"
# bash loads the completion script lazily through the bash-completion package, which a minimal system may lack.
sed -i '/^Depends:/a Suggests: bash-completion, man-db' "$tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$tree" "$target/$(basename "$deb")" >/dev/null
echo "built $target/$(basename "$deb")"
