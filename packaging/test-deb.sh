#!/usr/bin/env bash
# Installs ResolveFX's .deb on this machine (Debian 12), checks what it installed, starts the installed
# application under Xvfb as a person would (menu launcher, command line, double-click on a .pcap), and
# purges the package again. Prints every check; exits non-zero at the first one that fails.
#
#   packaging/test-deb.sh            use target/dist/resolvefx_*.deb, building it first if there is none
#   packaging/test-deb.sh --build    build it first in any case (mvn -B -Pdist package -DskipTests)
#   packaging/test-deb.sh --keep     leave the package installed at the end
#
# Needs root (dpkg). Installs the Debian packages it uses when they are missing. Idempotent: a
# ResolveFX package left installed by an earlier run is purged first, and nothing is left behind
# except the screenshots in target/test-deb/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PACKAGE=resolvefx
APP_DIR=/opt/resolvefx
LAUNCHER=$APP_DIR/bin/ResolveFX
DESKTOP_FILE=/usr/share/applications/resolvefx.desktop
MIME_FILE=/usr/share/mime/packages/resolvefx-mime.xml
ICON_SIZES="16 24 32 48 64 128 256 512"
WINDOW_TIMEOUT=90   # seconds to wait for a window; a cold start on a busy 2-core machine takes 5-15 s
SCREEN="1600x1000x24"

checks=0
pass() { checks=$((checks + 1)); printf '  ok   %s\n' "$*"; }
fail() { printf '  FAIL %s\n' "$*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------------
# The X part runs inside xvfb-run: `test-deb.sh --x-checks WORK`. It writes its figures to WORK/x-results.
if [ "${1:-}" = --x-checks ]; then
    WORK=$2
    SHOTS=$ROOT/target/test-deb
    mkdir -p "$SHOTS"
    started=()
    stop_group() {   # ends a process group this script started (setsid made its leader's PID the group id)
        local pgid=$1
        kill -TERM -- "-$pgid" 2>/dev/null || return 0
        for _ in $(seq 1 50); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.2; done
        kill -KILL -- "-$pgid" 2>/dev/null || true
    }
    trap 'for g in "${started[@]}"; do stop_group "$g"; done' EXIT

    # Waits for a visible window whose title matches $1 (a regex); prints its id.
    wait_window() {
        local pattern=$1 pgid=$2 deadline id
        deadline=$(( $(date +%s) + WINDOW_TIMEOUT ))
        while [ "$(date +%s)" -lt "$deadline" ]; do
            id=$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -n 1 || true)
            if [ -n "$id" ]; then echo "$id"; return 0; fi
            kill -0 -- "-$pgid" 2>/dev/null || return 1   # it exited before showing a window
            sleep 0.1
        done
        return 1
    }
    # Waits until the screen shows the window's content, not a uniform colour (a window is mapped
    # before JavaFX paints it; on a busy machine that takes seconds). Prints the seconds it waited.
    wait_painted() {
        local shot=$1 what=$2 pgid=$3 t0 deadline colours deviation
        t0=$(now)
        deadline=$(( $(date +%s) + WINDOW_TIMEOUT ))
        while :; do
            import -window root "$shot"
            colours=$(convert "$shot" -format '%k' info:)
            deviation=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
            if awk -v c="$colours" -v d="$deviation" 'BEGIN { exit !(c > 50 && d > 0.02) }'; then
                break
            fi
            kill -0 -- "-$pgid" 2>/dev/null || fail "$what: the application exited before painting its window"
            [ "$(date +%s)" -lt "$deadline" ] \
                || fail "$what: the screen stayed (nearly) uniform for ${WINDOW_TIMEOUT}s: $colours colours, deviation $deviation ($shot)"
            sleep 0.5
        done
        painted_after=$(seconds_since "$t0")
        sleep 2   # let it finish laying out, then the picture for a person to look at
        kill -0 -- "-$pgid" 2>/dev/null || fail "$what: the application exited after painting its window"
        import -window root "$shot"
        colours=$(convert "$shot" -format '%k' info:)
        deviation=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
        awk -v c="$colours" -v d="$deviation" 'BEGIN { exit !(c > 50 && d > 0.02) }' \
            || fail "$what: the window went blank: $colours colours, deviation $deviation ($shot)"
        pass "$what: painted $painted_after s after it appeared; screenshot $shot has $colours colours (grey deviation $deviation)"
    }

    # 1. The launcher of the menu entry, with a fresh home folder: the cold start of a first use
    #    (JavaFX unpacks its native libraries into ~/.openjfx on the first start).
    t0=$(now)
    HOME=$WORK/home setsid "$LAUNCHER" > "$WORK/window.log" 2>&1 &
    pgid=$!; started+=("$pgid")
    id=$(wait_window '^ResolveFX$' "$pgid") || { cat "$WORK/window.log" >&2; fail "no window titled ResolveFX within ${WINDOW_TIMEOUT}s"; }
    cold=$(seconds_since "$t0")
    pass "$LAUNCHER opened the window \"$(xdotool getwindowname "$id")\" after $cold s (cold start)"
    geometry=$(xwininfo -id "$id" | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
    [ "${geometry%x*}" -ge 800 ] && [ "${geometry#*x}" -ge 500 ] || fail "the window is only $geometry"
    pass "the window is $geometry"
    wait_painted "$SHOTS/window.png" "main window" "$pgid"
    cold_painted=$(awk -v a="$cold" -v b="$painted_after" 'BEGIN { printf "%.1f", a + b }')
    stop_group "$pgid"

    # 2. A double-click on a .pcap, as a file manager does it: xdg-open asks the MIME database for the
    #    type, the desktop database for the application, and runs its Exec line with the file.
    t0=$(now)
    HOME=$WORK/home setsid xdg-open "$WORK/files/capture.pcap" > "$WORK/open.log" 2>&1 &
    pgid=$!; started+=("$pgid")
    id=$(wait_window '^ResolveFX.*capture\.pcap$' "$pgid") \
        || { cat "$WORK/open.log" >&2; fail "xdg-open capture.pcap showed no window titled \"ResolveFX — capture.pcap\""; }
    warm=$(seconds_since "$t0")
    pass "xdg-open capture.pcap opened it in ResolveFX: window \"$(xdotool getwindowname "$id")\" after $warm s (warm start)"
    wait_painted "$SHOTS/capture-pcap.png" "capture window" "$pgid"
    warm_painted=$(awk -v a="$warm" -v b="$painted_after" 'BEGIN { printf "%.1f", a + b }')
    stop_group "$pgid"

    printf 'cold=%s\nwarm=%s\ncold_painted=%s\nwarm_painted=%s\nx_checks=%s\n' \
        "$cold" "$warm" "$cold_painted" "$warm_painted" "$checks" > "$WORK/x-results"
    exit 0
fi

# ---------------------------------------------------------------------------------------------------
build=no
keep=no
for arg in "$@"; do
    case $arg in
        --build) build=yes ;;
        --keep) keep=yes ;;
        *) echo "usage: $0 [--build] [--keep]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "test-deb.sh needs root (dpkg -i)" >&2; exit 2; }

T_START=$(now)
WORK=$(mktemp -d /tmp/resolvefx-test-deb.XXXXXX)
installed_here=no
cleanup() {
    local status=$?
    if [ "$installed_here" = yes ] && [ "$keep" = no ] && dpkg -s "$PACKAGE" >/dev/null 2>&1; then
        echo "(purging $PACKAGE after a failure)" >&2
        dpkg --purge "$PACKAGE" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT

step "tools"
need=""
for tool in xvfb-run:xvfb xauth:xauth xdotool:xdotool import:imagemagick xwininfo:x11-utils \
            desktop-file-validate:desktop-file-utils xdg-open:xdg-utils gio:libglib2.0-bin \
            fakeroot:fakeroot objdump:binutils; do
    # ImageMagick's own convert, not a stand-in elsewhere on the PATH
    if [ "${tool%%:*}" = import ] && [ ! -x /usr/bin/convert ]; then need="$need ${tool##*:}"; continue; fi
    command -v "${tool%%:*}" >/dev/null 2>&1 || need="$need ${tool##*:}"
done
if [ -n "$need" ]; then
    echo "installing:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
pass "xvfb, xdotool, ImageMagick, x11-utils, desktop-file-utils, xdg-utils, fakeroot, binutils are there"

step "package"
deb=$(ls -t target/dist/${PACKAGE}_*_amd64.deb 2>/dev/null | head -n 1 || true)
if [ "$build" = yes ] || [ -z "$deb" ]; then
    echo "building: mvn -B -Pdist package -DskipTests"
    t0=$(now)
    mvn -B -q -Pdist package -DskipTests
    echo "built in $(seconds_since "$t0") s"
    deb=$(ls -t target/dist/${PACKAGE}_*_amd64.deb | head -n 1)
fi
[ -f "$deb" ] || fail "no .deb in target/dist"
deb_bytes=$(stat -c %s "$deb")
version=$(dpkg-deb -f "$deb" Version)
pass "$deb: version $version, $((deb_bytes / 1048576)) MiB, installs $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MiB"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libgtk-3-0 xdg-utils shared-mime-info desktop-file-utils; do
    grep -Eq "(^|[ ,])$dep([ ,]|$)" <<< "$depends" || fail "Depends lacks $dep: $depends"
done
pass "Depends lists libgtk-3-0, xdg-utils, shared-mime-info and desktop-file-utils"

step "install"
if dpkg -s "$PACKAGE" >/dev/null 2>&1; then
    echo "(purging $PACKAGE left from an earlier run)"
    dpkg --purge "$PACKAGE" >/dev/null
fi
# dpkg -i does not fetch dependencies: install the missing ones from Debian first.
missing=""
for dep in $(sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g' <<< "$depends"); do
    [ "$(dpkg-query -W -f='${Status}' "$dep" 2>/dev/null || true)" = "install ok installed" ] || missing="$missing $dep"
done
if [ -n "$missing" ]; then
    echo "installing dependencies:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
dpkg -i "$deb" > "$WORK/dpkg-i.log" 2>&1 || { cat "$WORK/dpkg-i.log" >&2; fail "dpkg -i $deb"; }
installed_here=yes
[ "$(dpkg-query -W -f='${Status}' "$PACKAGE")" = "install ok installed" ] || fail "$PACKAGE is not fully installed"
pass "dpkg -i $(basename "$deb"): install ok installed"

step "files (dpkg -L $PACKAGE)"
dpkg -L "$PACKAGE" > "$WORK/files.txt"
for path in "$LAUNCHER" $APP_DIR/lib/app/resolvefx.jar $APP_DIR/lib/app/ResolveFX.cfg \
            $APP_DIR/lib/runtime/release $APP_DIR/lib/runtime/lib/server/libjvm.so \
            $APP_DIR/lib/resolvefx-ResolveFX.desktop $APP_DIR/lib/app/desktop/resolvefx-mime.xml; do
    grep -qx "$path" "$WORK/files.txt" || fail "dpkg -L does not list $path"
done
pass "dpkg -L lists $(wc -l < "$WORK/files.txt") paths, among them the launcher, the jar, the runtime and the desktop files"
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is not executable"
pass "$LAUNCHER is executable"
modules=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' $APP_DIR/lib/runtime/release)
for module in java.base java.desktop java.prefs jdk.unsupported jdk.localedata; do
    grep -qw "$module" <<< "$modules" || fail "the runtime lacks $module: $modules"
done
for module in java.compiler jdk.compiler jdk.jshell jdk.jpackage; do
    grep -qw "$module" <<< "$modules" && fail "the runtime holds $module, which the application does not use"
done
[ ! -e $APP_DIR/lib/runtime/bin/java ] && [ ! -d $APP_DIR/lib/runtime/include ] && [ ! -d $APP_DIR/lib/runtime/man ] \
    || fail "the runtime still has JDK commands, header files or man pages"
pass "trimmed runtime: $(wc -w <<< "$modules") modules ($modules), no commands, headers or man pages"
pass "installed size: $(du -sh $APP_DIR | cut -f1) in $APP_DIR (runtime $(du -sh $APP_DIR/lib/runtime | cut -f1))"

step "desktop integration"
[ -f "$DESKTOP_FILE" ] || fail "$DESKTOP_FILE is missing"
desktop-file-validate "$DESKTOP_FILE" > "$WORK/validate.txt" 2>&1 || { cat "$WORK/validate.txt" >&2; fail "desktop-file-validate $DESKTOP_FILE"; }
pass "desktop-file-validate $DESKTOP_FILE: no errors$(grep -q . "$WORK/validate.txt" && printf ' (%s)' "$(sed 's/^[^:]*: //' "$WORK/validate.txt" | tr '\n' ' ')")"
for line in "Exec=$LAUNCHER %F" "Categories=Education;Network;" "Icon=resolvefx" "GenericName[de]=" "Comment[de]=" \
            "MimeType=application/x-resolvefx-trace;application/x-resolvefx-lesson;application/vnd.tcpdump.pcap;application/x-pcapng;"; do
    grep -qF "$line" "$DESKTOP_FILE" || fail "$DESKTOP_FILE lacks \"$line\""
done
pass "the menu entry opens files (%F), sits in Education;Network;, has German texts and four MIME types"
for size in $ICON_SIZES; do
    [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/resolvefx.png" ] || fail "no ${size}px icon"
    [ -f "/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-resolvefx-trace.png" ] || fail "no ${size}px trace icon"
done
pass "icons in hicolor: $ICON_SIZES px (application and file types)"
[ -L /usr/bin/resolvefx ] && [ "$(readlink /usr/bin/resolvefx)" = "$LAUNCHER" ] || fail "/usr/bin/resolvefx is not a link to $LAUNCHER"
pass "/usr/bin/resolvefx -> $LAUNCHER"
[ -f "$MIME_FILE" ] || fail "$MIME_FILE is missing"
pass "$MIME_FILE is installed"

mkdir -p "$WORK/files" "$WORK/home"
cp src/test/resources/traces/captures/b-trace.pcap "$WORK/files/capture.pcap"
cp src/test/resources/traces/captures/b-trace.pcapng "$WORK/files/capture.pcapng"
cp src/test/resources/traces/captures/b-trace.pcapng "$WORK/files/capture-without-extension"
cp src/test/resources/traces/a-recursive-cold.trace.json "$WORK/files/lookup.trace.json"
printf '{}\n' > "$WORK/files/intro.rfxlesson"
for pair in capture.pcap=application/vnd.tcpdump.pcap capture.pcapng=application/x-pcapng \
            capture-without-extension=application/x-pcapng lookup.trace.json=application/x-resolvefx-trace \
            intro.rfxlesson=application/x-resolvefx-lesson; do
    file=${pair%%=*}; type=${pair#*=}
    got=$(gio info -a standard::content-type "$WORK/files/$file" | sed -n 's/^ *standard::content-type: //p')
    [ "$got" = "$type" ] || fail "$file is typed $got, not $type"
    handlers=$(gio mime "$type" 2>/dev/null || true)
    grep -q 'resolvefx.desktop' <<< "$handlers" || fail "resolvefx.desktop is not among the applications for $type: $handlers"
done
pass "the MIME database types .pcap, .pcapng (also by content), .trace.json and .rfxlesson; ResolveFX opens each type"
default_pcap=$(HOME=$WORK/home xdg-mime query default application/vnd.tcpdump.pcap)
if [ "$default_pcap" = resolvefx.desktop ]; then
    pass "xdg-mime's default for application/vnd.tcpdump.pcap: resolvefx.desktop"
else
    # Another program (Wireshark) is the system's choice: choose ResolveFX as a user does with
    # "Open with > Always", in the test's own home folder, and check that the choice takes.
    HOME=$WORK/home xdg-mime default resolvefx.desktop application/vnd.tcpdump.pcap
    [ "$(HOME=$WORK/home xdg-mime query default application/vnd.tcpdump.pcap)" = resolvefx.desktop ] \
        || fail "ResolveFX cannot be chosen for application/vnd.tcpdump.pcap"
    pass "xdg-mime's default for application/vnd.tcpdump.pcap is ${default_pcap:-none}; a user's choice of resolvefx.desktop takes"
fi

step "command line"
out=$(HOME=$WORK/home resolvefx --help 2>&1) || fail "resolvefx --help exited with $?: $out"
grep -q '^Usage: resolvefx' <<< "$out" || fail "resolvefx --help printed no usage: $out"
pass "resolvefx --help: $(head -n 1 <<< "$out")"
out=$(HOME=$WORK/home resolvefx --version 2>&1) || fail "resolvefx --version exited with $?"
grep -qF "${version%-*}" <<< "$out" || fail "resolvefx --version does not say ${version%-*}: $out"
pass "resolvefx --version: $(tr '\n' ' ' <<< "$out")"
out=$(HOME=$WORK/home resolvefx inspect --summary "$WORK/files/capture.pcapng" 2>&1) || fail "resolvefx inspect exited with $?: $out"
lines=$(grep -c . <<< "$out")
[ "$lines" -ge 2 ] || fail "resolvefx inspect --summary printed $lines lines: $out"
pass "resolvefx inspect --summary capture.pcapng: $lines messages"

step "window (Xvfb $SCREEN)"
xvfb-run -a -s "-screen 0 $SCREEN" bash "$0" --x-checks "$WORK" || fail "the window checks failed"
# shellcheck disable=SC1091
. "$WORK/x-results"
checks=$((checks + x_checks))

if [ "$keep" = yes ]; then
    step "kept installed (--keep): dpkg --purge $PACKAGE removes it"
else
    step "purge"
    dpkg --purge "$PACKAGE" > "$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log" >&2; fail "dpkg --purge $PACKAGE"; }
    installed_here=no
    dpkg -s "$PACKAGE" >/dev/null 2>&1 && fail "$PACKAGE is still known to dpkg"
    for path in "$APP_DIR" /usr/bin/resolvefx "$DESKTOP_FILE" "$MIME_FILE" /usr/share/icons/hicolor/48x48/apps/resolvefx.png \
                /usr/share/icons/hicolor/48x48/mimetypes/application-x-resolvefx-trace.png; do
        [ ! -e "$path" ] && [ ! -L "$path" ] || fail "$path is still there after the purge"
    done
    grep -q resolvefx /usr/share/applications/mimeinfo.cache 2>/dev/null && fail "mimeinfo.cache still names resolvefx"
    [ "$(gio info -a standard::content-type "$WORK/files/lookup.trace.json" | sed -n 's/^ *standard::content-type: //p')" != application/x-resolvefx-trace ] \
        || fail "the MIME database still knows application/x-resolvefx-trace"
    pass "dpkg --purge $PACKAGE removed the files, the menu entry, the MIME types, the icons and /usr/bin/resolvefx"
fi

printf '\ntest-deb: all %d checks passed in %s s (.deb %s MiB; first window %s s cold / %s s warm via xdg-open, painted after %s s / %s s)\n' \
    "$checks" "$(seconds_since "$T_START")" "$((deb_bytes / 1048576))" "$cold" "$warm" "$cold_painted" "$warm_painted"
