#!/usr/bin/env sh
# Regenerates icon.png (256x256) with ImageMagick: a dark rounded tile, three stacked slabs (a clip of frames
# going through separable 3D blocks) and "S3D". The committed icon.png is what the installers use;
# .ico (Windows) and .icns (macOS) are made from it by installers/windows/build.ps1 and installers/macos/build.sh.
set -e
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1f2a44' -draw 'roundrectangle 8,8 248,248 40,40' \
  -fill '#2f6fdf' -stroke '#0b1530' -strokewidth 3 -draw 'polygon 60,150 150,150 196,116 106,116' \
  -fill '#3f9f6f' -draw 'polygon 60,120 150,120 196,86 106,86' \
  -fill '#e0a030' -draw 'polygon 60,90 150,90 196,56 106,56' \
  -stroke none -fill white -font DejaVu-Sans-Bold -pointsize 54 -gravity south -annotate +0+22 'S3D' \
  icon.png
