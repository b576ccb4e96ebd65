#!/usr/bin/env bash
# Renders the application icon from its SVG sources into every size and format the installers use.
# The outputs are committed, so a build needs none of these tools; run this after editing an SVG.
#   assets/icon.svg        master, used for 48 px and up
#   assets/icon-small.svg  simplified cut (fewer nodes, thicker strokes) for 16, 24 and 32 px
# Writes assets/icon-<size>.png, packaging/windows/ResolveFX.ico and packaging/macos/ResolveFX.icns.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns);
# as root it installs the missing ones.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=""
command -v rsvg-convert >/dev/null 2>&1 || need="$need librsvg2-bin"
command -v icotool >/dev/null 2>&1 || need="$need icoutils"
command -v png2icns >/dev/null 2>&1 || need="$need icnsutils"
if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
    else
        echo "render-icons: please install:$need" >&2
        exit 1
    fi
fi

for size in 16 24 32 48 64 128 256 512; do
    if [ "$size" -le 32 ]; then src=assets/icon-small.svg; else src=assets/icon.svg; fi
    rsvg-convert --width "$size" --height "$size" --output "assets/icon-$size.png" "$src"
done

# Windows: one .ico with every size Explorer asks for (256 is stored as PNG inside the .ico).
icotool --create --output packaging/windows/ResolveFX.ico \
    assets/icon-16.png assets/icon-24.png assets/icon-32.png assets/icon-48.png \
    assets/icon-64.png assets/icon-128.png --raw=assets/icon-256.png

# macOS: png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512).
png2icns packaging/macos/ResolveFX.icns \
    assets/icon-16.png assets/icon-32.png assets/icon-48.png \
    assets/icon-128.png assets/icon-256.png assets/icon-512.png >/dev/null

ls -l assets/icon-*.png packaging/windows/ResolveFX.ico packaging/macos/ResolveFX.icns
