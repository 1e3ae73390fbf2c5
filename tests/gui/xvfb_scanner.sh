#!/usr/bin/env bash
# The barcode scanner under a real X server: Xvfb at 1024×600 with openbox, radiocode-finder,
# and xdotool typing as a USB scanner does (5 ms a key, then Enter) and as a person does (150 ms).
#   xvfb_scanner.sh RADIOCODE_FINDER
# Checks what a technician would see: a scan on the start page (focus on a card) and on the
# result page (focus on the code, or after Tab on Print preview) looks the serial up and opens no print preview; slow
# typing on the result page keeps Enter's usual meaning (Print preview opens).
set -euo pipefail
finder=$1
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "xvfb_scanner: $*" >&2; exit 1; }

# Xvfb picks a free display and writes its number to fd 3.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1024x600x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [[ -s $work/display ]] && break; sleep 0.1; done
[[ -s $work/display ]] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$work/display")"
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1

mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/home/.config" \
    RADIOCODE_DATABASE="sqlite:$work/codes.db" QT_QPA_PLATFORM=xcb "$finder" \
    >"$work/finder.log" 2>&1 &
pids+=($!)
window=""
for _ in $(seq 100); do
    window=$(xdotool search --onlyvisible --name "Nissan Radio Code Finder" 2>/dev/null | head -n1) &&
        [[ -n $window ]] && break
    sleep 0.2
done
[[ -n $window ]] || fail "no window: $(cat "$work/finder.log")"
xdotool windowactivate --sync "$window"
# Keys go where the X focus is: wait until it is on the window (a busy CI machine is slow).
for _ in $(seq 100); do
    [[ $(xdotool getwindowfocus 2>/dev/null) == "$window" ]] && break
    sleep 0.1
done
sleep 0.5

settings="$work/home/.config/radiocode/radiocode-finder.conf"
last_family() { sed -n 's/^lastFamily=//p' "$settings" 2>/dev/null; }
preview_open() { xdotool search --onlyvisible --name "Print preview" >/dev/null 2>&1; }
# What the program did, for a failure's message.
state() { echo "lastFamily=$(last_family), X focus $(xdotool getwindowfocus 2>/dev/null) on" \
    "window $window; program's output: $(tail -n 20 "$work/finder.log")"; }
fail() { echo "xvfb_scanner: $* ($(state))" >&2; exit 1; }
# Polls a check for up to 15 s: the first scan builds the pages, which takes a while when the
# machine is busy with other tests, so a fixed pause is either too short or wastes time.
within() {
    local deadline=$((SECONDS + 15))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}
family_is() { [[ $(last_family) == "$1" ]]; }
preview_closed() { ! preview_open; }
# One xdotool run types the keys and the Enter: no process start between them. As root it runs
# at a higher priority, so a loaded machine does not stretch a scan's 5 ms gaps into a
# person's typing (the X server stamps each key when it gets it).
xdo=(xdotool)
[[ $(id -u) == 0 ]] && xdo=(nice -n -10 xdotool)
keys() {
    printf 'type --delay %s %s\nkey --delay %s Return\n' "$1" "$2" "$1" >"$work/keys.xdo"
    "${xdo[@]}" "$work/keys.xdo"
}
# Whatever a stray Enter would open has had time to appear.
settle() { sleep 0.7; }

# A scan on the start page: the focus is on a card, whose Enter would open its label guide.
keys 5 M212365
within family_is visteon || fail "scan on the start page: no Visteon lookup"
settle
preview_open && fail "scan on the start page opened a print preview"
# A scan on the result page: the focus is on the code (read out first).
keys 5 J727
within family_is renault || fail "scan on the result page: no lookup of J727"
settle
preview_open && fail "scan on the result page opened the last radio's print preview"
# A person typing on the result page: Enter presses the focused button, as always. The page
# starts on the code (read out first); Tab goes on through the job record's row (worked,
# refused, save job) to Print preview.
"${xdo[@]}" key --delay 150 Tab Tab Tab Tab
keys 150 J727
within preview_open || fail "slow typing: Enter on Print preview did not open it"
# A scan over the open preview closes it and looks the next radio up.
keys 5 M212365
within family_is visteon || fail "scan over the print preview: no lookup"
within preview_closed || fail "a scan left the print preview open"
echo "xvfb_scanner: scans on the start page, the result page and over a print preview looked up;" \
    "slow typing kept Enter's meaning"
