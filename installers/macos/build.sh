#!/usr/bin/env bash
# macOS packages of S3D Explorer, run on a Mac (jpackage cannot cross-build): target/installers/macos/
#   S3D Explorer.app (app-image) and S3D Explorer-<version>.dmg.
#   installers/macos/build.sh            # on Apple silicon: JavaFX mac-aarch64, ONNX Runtime osx-aarch64
# Needs JDK 17 for the Mac's architecture (jlink/jpackage), Maven, Xcode command line tools (iconutil, hdiutil).
# Intel Macs: the onnxruntime 1.29 jar has no osx-x64 natives, so only Apple silicon is packaged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${OUT:-$root/target/installers}
VERSION=${VERSION:-0.1.0}
NAME="S3D Explorer"
case "$(uname -m)" in arm64|aarch64) fx=mac-aarch64 ;; *) fx=mac ;; esac

# FFmpeg/JavaCPP (and DJL) natives: model-runtime's natives-macos profile; JavaFX: app's javafx-mac* profile.
MVN_ARGS=${MVN_ARGS:-"-Pnatives-macos -Pjavafx-$fx"} JAVAFX_PLATFORM=$fx OUT=$OUT "$root/installers/common/stage.sh"

# .icns from the committed PNG.
iconset="$OUT/macos/icon.iconset"
rm -rf "$OUT/macos" && mkdir -p "$iconset"
for s in 16 32 128 256; do
  sips -z $s $s "$root/installers/common/icon.png" --out "$iconset/icon_${s}x${s}.png" >/dev/null
  sips -z $((s*2)) $((s*2)) "$root/installers/common/icon.png" --out "$iconset/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$OUT/macos/icon.icns"

common=(--name "$NAME" --app-version "$VERSION" --vendor "S3D Explorer project"
  --description "Design, count and run the S3D family of video networks"
  --icon "$OUT/macos/icon.icns" --runtime-image "$OUT/runtime"
  --input "$OUT/input" --main-jar app.jar --main-class s3dx.app.Launcher
  --java-options '-Ds3dx.assets=$APPDIR/assets' --java-options '-Xshare:auto'
  --mac-package-identifier org.s3dx.explorer --mac-package-name "S3D Explorer")
jpackage --type app-image "${common[@]}" --dest "$OUT/macos"
# Signing/notarisation (CI secrets): add --mac-sign --mac-signing-key-user-name "Developer ID Application: ..."
jpackage --type dmg "${common[@]}" --dest "$OUT/macos" \
  --file-associations "$root/installers/common/file-associations.properties"
# Smoke test, no window:
"$OUT/macos/$NAME.app/Contents/MacOS/$NAME" --self-test
ls -la "$OUT/macos"
