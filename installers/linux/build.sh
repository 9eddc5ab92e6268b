#!/usr/bin/env bash
# Linux packages of S3D Explorer: target/installers/linux/S3D Explorer/ (app-image) and
# target/installers/linux/s3d-explorer_<version>_amd64.deb.
#   installers/linux/build.sh              # both (builds the app first when needed)
#   installers/linux/build.sh app-image    # only the app-image (what CI tests)
# Needs JDK 17 (jlink, jpackage), Maven, zip; the .deb also needs dpkg-deb and fakeroot
# (apt-get install -y --no-install-recommends fakeroot binutils).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${OUT:-$root/target/installers}
what=${1:-all}
VERSION=${VERSION:-0.1.0}
NAME="S3D Explorer"

JAVAFX_PLATFORM=${JAVAFX_PLATFORM:-linux} OUT=$OUT "$root/installers/common/stage.sh"

dest="$OUT/linux"
rm -rf "$dest"
mkdir -p "$dest"
common=(--name "$NAME" --app-version "$VERSION" --vendor "S3D Explorer project"
  --description "Design, count and run the S3D family of video networks"
  --icon "$root/installers/common/icon.png" --runtime-image "$OUT/runtime"
  --input "$OUT/input" --main-jar app.jar --main-class s3dx.app.Launcher
  # $APPDIR is lib/app of the installed image; the app finds its demo models and clips there.
  --java-options '-Ds3dx.assets=$APPDIR/assets'
  --java-options '-Xshare:auto')

echo "linux: jpackage --type app-image" >&2
jpackage --type app-image "${common[@]}" --dest "$dest"

if [ "$what" = all ] || [ "$what" = deb ]; then
  echo "linux: jpackage --type deb" >&2
  # Depends: jpackage adds what ldd finds in the runtime (X11, freetype, ...); JavaFX's natives are inside its
  # modules, so its GTK 3 / GL needs are listed here.
  jpackage --type deb "${common[@]}" --dest "$dest" \
    --linux-package-name s3d-explorer --linux-app-category Science --linux-menu-group "Education;Science" \
    --linux-shortcut --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6" \
    --file-associations "$root/installers/common/file-associations.properties" \
    --linux-deb-maintainer "s3dx@example.org" --resource-dir "$here/resources" \
    --install-dir /opt
fi
ls -la "$dest" >&2
