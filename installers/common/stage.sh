#!/usr/bin/env bash
# Shared by installers/linux/build.sh and installers/macos/build.sh (installers/windows/build.ps1 does the same in
# PowerShell). Builds the app if needed, then prepares under $OUT (default target/installers):
#   input/    app.jar + every non-JavaFX runtime jar (flat) + assets/   -> jpackage --input (lands in lib/app/)
#   runtime/  a jlinked runtime: the JDK modules jdeps finds + the extras below + JavaFX
#
# JavaFX goes INTO the jlinked runtime, linked from the Maven Central jars of app/target/javafx (only the
# platform-classifier jars, e.g. javafx-graphics-21.0.11-linux.jar: they are real modules with module-info and carry
# the natives as resources; the classifier-less ones are empty automatic modules that jlink refuses). Why not the
# module path at run time: it needs --module-path/--add-modules in every launcher's java options and makes JavaFX warn
# or resolve at each start; linked in, JavaFX loads from the jimage like the JDK and is covered by the runtime's CDS
# archive (faster start). Everything else stays on the class path, where javacv must be (its module-info requires
# presets we exclude).
#
# Env: JAVAFX_PLATFORM (linux | win | mac | mac-aarch64; default: what app/target/javafx holds),
#      MVN_ARGS (extra Maven args, e.g. "-Pnatives-macos -Pjavafx-mac"), SKIP_MVN=1, OUT.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$root/target/installers}
app=$root/app/target

# JDK modules jdeps cannot see: reflection/service loading (jdk.unsupported for sun.misc.Unsafe in protobuf/javacpp;
# java.management for the startup report; jdk.crypto.ec and jdk.localedata are NOT needed: no TLS, English only).
EXTRA_MODULES=java.logging,java.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs
JAVAFX_MODULES=javafx.base,javafx.graphics,javafx.controls,javafx.swing

if [ "${SKIP_MVN:-0}" != 1 ]; then
  if [ ! -f "$app/app.jar" ] || [ -n "${MVN_ARGS:-}" ] || [ -n "$(find "$root/app/src/main" "$root/model-runtime/src/main" "$root"/pom.xml "$root"/*/pom.xml -newer "$app/app.jar" -print -quit 2>/dev/null)" ]; then
    echo "stage: mvn -pl app -am package -DskipTests ${MVN_ARGS:-}" >&2
    (cd "$root" && mvn -B -ntp -q -pl app -am package -DskipTests ${MVN_ARGS:-})
  fi
fi

rm -rf "$OUT/input" "$OUT/runtime" "$OUT/jdeps"
mkdir -p "$OUT/input" "$OUT/jdeps" "$OUT/fx"
cp "$app/app.jar" "$app"/lib/*.jar "$OUT/input/"
# libtorch (DJL's pytorch-native-cpu, ~110 MB) is for the Train tab; DROP_TRAINING_NATIVES=1 leaves it out of a
# slimmer package whose Train tab then says it cannot load its engine (DJL runs offline: it never downloads one).
if [ "${DROP_TRAINING_NATIVES:-0}" = 1 ]; then rm -f "$OUT"/input/pytorch-native-*.jar; fi
# Assets ship as files beside the jars (lib/app/assets; the launcher sets -Ds3dx.assets=$APPDIR/assets): ONNX Runtime
# and FFmpeg want real files, not jar resources. The label lists are also inside the model-runtime jar.
mkdir -p "$OUT/input/assets"
cp -R "$root"/assets/. "$OUT/input/assets/"
find "$OUT/input/assets" \( -name '.*' -o -name '*.md' \) -prune -exec rm -rf {} +

platform=${JAVAFX_PLATFORM:-$(ls "$app"/javafx/javafx-graphics-*-*.jar | head -1 | sed -E 's/.*javafx-graphics-[0-9.]+-(.*)\.jar/\1/')}
rm -f "$OUT"/fx/*.jar
# -Pjavafx-win/-mac/-mac-aarch64 builds put that platform's jars in target/javafx-PLATFORM
fxdir=$app/javafx-$platform; [ -d "$fxdir" ] || fxdir=$app/javafx
cp "$fxdir"/javafx-*-"$platform".jar "$OUT/fx/"
[ -n "$(ls "$OUT"/fx/*.jar 2>/dev/null)" ] || { echo "stage: no JavaFX jars for platform '$platform' in $app/javafx" >&2; exit 1; }

# The onnxruntime jar carries every OS's natives (linux-x64, linux-aarch64, osx-aarch64 with its 70 MB dSYM, win-x64;
# no osx-x64 since 1.2x). Keep only the target's: -130 MB unpacked. ORT_NATIVE overrides (linux-x64 | win-x64 | osx-aarch64).
case "$platform" in
  linux) keep=linux-x64 ;; win) keep=win-x64 ;; mac|mac-aarch64) keep=osx-aarch64 ;; *) keep=${ORT_NATIVE:-} ;;
esac
keep=${ORT_NATIVE:-$keep}
for ort in "$OUT"/input/onnxruntime-*.jar; do
  [ -f "$ort" ] && [ -n "$keep" ] || continue
  drop=$(unzip -Z1 "$ort" 'ai/onnxruntime/native/*' | cut -d/ -f4 | sort -u | grep -vx "$keep" | sed '/^$/d' | sed 's|.*|ai/onnxruntime/native/&/*|')
  [ -z "$drop" ] || zip -q -d "$ort" $drop
  zip -q -d "$ort" '*.dSYM/*' >/dev/null 2>&1 || true
  echo "stage: $(basename "$ort"): kept ONNX Runtime natives for $keep only" >&2
done

# jdeps over copies without module-info: jdeps would otherwise resolve javacv as a module and fail on its presets.
cp "$OUT"/input/*.jar "$OUT/jdeps/"
for j in "$OUT"/jdeps/*.jar; do zip -q -d "$j" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true; done
found=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --module-path "$OUT/fx" \
  --add-modules "$JAVAFX_MODULES" --class-path "$OUT/jdeps/*" "$OUT"/jdeps/*.jar)
modules=$(printf '%s\n' "$found" "$EXTRA_MODULES" "$JAVAFX_MODULES" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "stage: jdeps found $found" >&2
echo "stage: jlink --add-modules $modules" >&2
# No --compress: the packages are compressed anyway and an uncompressed jimage starts faster.
# --generate-cds-archive: a CDS archive of the runtime's default class list (JDK 17 plugin).
# On Linux the runtime carries app/src/main/jvm/linux.options (heavy workers at nice 19); linked in, the JVM takes
# them without the warning it prints when they come from a command line.
vm_options=()
if [ "$(uname -s)" = Linux ]; then vm_options=(--add-options "$(grep -v '^#' "$root/app/src/main/jvm/linux.options" | paste -sd' ' -)"); fi
jlink --module-path "$OUT/fx" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive "${vm_options[@]}" --output "$OUT/runtime"
echo "$modules" > "$OUT/runtime-modules.txt"
rm -rf "$OUT/jdeps"
