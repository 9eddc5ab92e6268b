# Windows packages of S3D Explorer, run on Windows (jpackage cannot cross-build): target\installers\windows\
#   "S3D Explorer\" (app-image) and "S3D Explorer-<version>.msi".
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
# Needs JDK 17 (jlink, jpackage), Maven, WiX Toolset 3.x on PATH (candle.exe, light.exe: `choco install wixtoolset`),
# ImageMagick (`magick`, for the .ico; or commit an icon.ico). Same steps as installers/common/stage.sh.
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = if ($env:OUT) { $env:OUT } else { "$root\target\installers" }
$version = if ($env:VERSION) { $env:VERSION } else { '0.1.0' }
$name = 'S3D Explorer'

# FFmpeg/JavaCPP (and DJL) natives: natives-windows; JavaFX: javafx-win.
Push-Location $root
mvn -B -ntp -q -pl app -am package -DskipTests -Pnatives-windows -Pjavafx-win
if ($LASTEXITCODE -ne 0) { throw 'maven build failed' }
Pop-Location

$app = "$root\app\target"
Remove-Item -Recurse -Force "$out\input", "$out\runtime", "$out\fx", "$out\jdeps", "$out\windows" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input\assets", "$out\fx", "$out\jdeps", "$out\windows" | Out-Null
Copy-Item "$app\app.jar" "$out\input\"
Copy-Item "$app\lib\*.jar" "$out\input\"
Copy-Item -Recurse "$root\assets\*" "$out\input\assets\"
Copy-Item "$app\javafx-win\javafx-*-win.jar" "$out\fx\"  # -Pjavafx-win puts them in target\javafx-win
# ONNX Runtime: keep only win-x64 natives (the jar carries every OS's).
Get-ChildItem "$out\input\onnxruntime-*.jar" | ForEach-Object {
  Add-Type -AssemblyName System.IO.Compression.FileSystem
  $zip = [System.IO.Compression.ZipFile]::Open($_.FullName, 'Update')
  $zip.Entries | Where-Object { $_.FullName -like 'ai/onnxruntime/native/*' -and $_.FullName -notlike 'ai/onnxruntime/native/win-x64/*' } |
    ForEach-Object { $_ } | ForEach-Object { $_.Delete() }
  $zip.Dispose()
}
# jdeps over copies without module-info (javacv's would fail to resolve).
Copy-Item "$out\input\*.jar" "$out\jdeps\"
Get-ChildItem "$out\jdeps\*.jar" | ForEach-Object {
  $zip = [System.IO.Compression.ZipFile]::Open($_.FullName, 'Update')
  $zip.Entries | Where-Object { $_.Name -eq 'module-info.class' } | ForEach-Object { $_ } | ForEach-Object { $_.Delete() }
  $zip.Dispose()
}
$fxmods = 'javafx.base,javafx.graphics,javafx.controls,javafx.swing'
$found = (& jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --module-path "$out\fx" --add-modules $fxmods `
  --class-path "$out\jdeps\*" (Get-ChildItem "$out\jdeps\*.jar").FullName).Trim()
$mods = (($found + ',java.logging,java.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,' + $fxmods).Split(',') |
  Sort-Object -Unique) -join ','
& jlink --module-path "$out\fx" --add-modules $mods --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

& magick "$root\installers\common\icon.png" -define icon:auto-resize=256,128,64,48,32,16 "$out\windows\icon.ico"

$common = @('--name', $name, '--app-version', $version, '--vendor', 'S3D Explorer project',
  '--description', 'Design, count and run the S3D family of video networks',
  '--icon', "$out\windows\icon.ico", '--runtime-image', "$out\runtime",
  '--input', "$out\input", '--main-jar', 'app.jar', '--main-class', 's3dx.app.Launcher',
  '--java-options', '-Ds3dx.assets=$APPDIR\assets', '--java-options', '-Xshare:auto')
& jpackage --type app-image @common --dest "$out\windows"
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }
& jpackage --type msi @common --dest "$out\windows" --win-menu --win-menu-group 'S3D Explorer' --win-shortcut `
  --win-dir-chooser --win-upgrade-uuid 6f1c3d2e-5b7a-4c1e-9a53-3d5e0c9a7b21 `
  --file-associations "$root\installers\windows\file-associations.properties"
if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
# Smoke test, no window. The launcher is a GUI-subsystem exe: wait for it and capture its output explicitly.
$p = Start-Process -FilePath "$out\windows\$name\$name.exe" -ArgumentList '--self-test' -Wait -PassThru -NoNewWindow `
  -RedirectStandardOutput "$out\windows\self-test.txt"
Get-Content "$out\windows\self-test.txt"
if ($p.ExitCode -ne 0) { throw "self-test failed ($($p.ExitCode))" }
Get-ChildItem "$out\windows"
