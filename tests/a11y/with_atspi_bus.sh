#!/usr/bin/env bash
# Runs a command the way a screen reader user's desktop runs the program: on a virtual X server
# of its own (Xvfb), in a private D-Bus session with the AT-SPI accessibility bus
# (at-spi2-core), Qt's bridge switched on. Installs nothing: exits 77 (ctest SKIP_RETURN_CODE)
# when a piece is missing, so `bash packaging/dev.sh test`, which installs them, runs it.
#
#   with_atspi_bus.sh [--pyatspi] COMMAND [ARGS...]
#     --pyatspi  COMMAND is a Python script that needs pyatspi: run it with a python3 that has it
#
# Everything it starts (Xvfb, the D-Bus session and the bus daemons D-Bus starts in it, the
# command) is stopped at the end, also on a timeout (A11Y_TIMEOUT seconds, default 150).
set -uo pipefail

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

if [[ ${1:-} != --inside-session ]]; then
    python_script=0
    if [[ ${1:-} == --pyatspi ]]; then
        python_script=1
        shift
    fi
    [[ $# -ge 1 ]] || { echo "usage: $0 [--pyatspi] COMMAND [ARGS...]" >&2; exit 2; }
    command -v Xvfb >/dev/null || skip "Xvfb is not installed (package xvfb)"
    command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (package dbus)"
    command -v dbus-send >/dev/null || skip "dbus-send is not installed (package dbus)"
    launcher=
    for candidate in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher \
        "$(command -v at-spi-bus-launcher 2>/dev/null)"; do
        [[ -n $candidate && -x $candidate ]] && { launcher=$candidate; break; }
    done
    [[ -n $launcher ]] || skip "at-spi-bus-launcher is not installed (package at-spi2-core)"
    grep -rqs "Name=org.a11y.Bus" /usr/share/dbus-1/services/ ||
        skip "the D-Bus session cannot start the accessibility bus (package at-spi2-core)"
    runner=()
    if ((python_script)); then
        # The distribution's python3 first: a python3 of its own (pyenv, venv) lacks pyatspi.
        for python in /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
            if [[ -n $python && -x $python ]] && "$python" -c "import pyatspi" 2>/dev/null; then
                runner=("$python")
                break
            fi
        done
        ((${#runner[@]})) || skip "pyatspi is not installed (package python3-pyatspi)"
    fi

    scratch=$(mktemp -d "${TMPDIR:-/tmp}/radiocode-a11y.XXXXXX") || exit 1
    xvfb_pid=
    session_pid=
    cleanup() {
        if [[ -n $session_pid ]]; then
            kill "$session_pid" 2>/dev/null # timeout passes it on to the session
            wait "$session_pid" 2>/dev/null
        fi
        if [[ -n $xvfb_pid ]]; then
            kill "$xvfb_pid" 2>/dev/null
            wait "$xvfb_pid" 2>/dev/null
        fi
        rm -rf "$scratch"
    }
    trap cleanup EXIT
    trap 'exit 143' TERM INT

    # Settings, code database, the bus sockets: all in the scratch folder, none in $HOME.
    mkdir -p "$scratch/home" "$scratch/runtime" && chmod 700 "$scratch/runtime"
    export HOME=$scratch/home XDG_RUNTIME_DIR=$scratch/runtime
    export XDG_CONFIG_HOME=$scratch/home/.config XDG_DATA_HOME=$scratch/home/.local/share
    export XDG_CACHE_HOME=$scratch/home/.cache
    export RADIOCODE_DATABASE=sqlite:$scratch/codes.db
    export RADIOCODE_A11Y_SCRATCH=$scratch

    # A display number Xvfb picks itself (-displayfd): no clash with other test runs.
    Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp -noreset >"$scratch/display" \
        2>"$scratch/xvfb.log" &
    xvfb_pid=$!
    for ((i = 0; i < 100; ++i)); do
        [[ -s $scratch/display ]] && break
        kill -0 "$xvfb_pid" 2>/dev/null || break
        sleep 0.1
    done
    [[ -s $scratch/display ]] || { cat "$scratch/xvfb.log" >&2; echo "Xvfb did not start" >&2; exit 1; }
    export DISPLAY=:$(head -n 1 "$scratch/display")

    # dbus-run-session stops the session bus (and what it started) when the command ends.
    timeout --kill-after=5 "${A11Y_TIMEOUT:-150}" \
        dbus-run-session -- bash "$0" --inside-session "${runner[@]}" "$@" &
    session_pid=$!
    wait "$session_pid"
    status=$?
    [[ $status -eq 124 ]] && echo "FAILED: timed out after ${A11Y_TIMEOUT:-150} s" >&2
    exit "$status"
fi

# Inside the private session bus.
shift
# Start the accessibility bus now, as a desktop session does at login; Qt's bridge finds it
# registered and switches on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON: no screen reader is running).
address=$(dbus-send --session --print-reply=literal --reply-timeout=20000 --dest=org.a11y.Bus \
    /org/a11y/bus org.a11y.Bus.GetAddress 2>&1) || { echo "no accessibility bus: $address" >&2; exit 1; }
launcher_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
    /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID string:org.a11y.Bus |
    awk '{print $2}')
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
export RADIOCODE_A11Y_BUS=$address
export LC_ALL=C.UTF-8 LANGUAGE=en
unset SESSION_MANAGER
"$@"
status=$?
# The bus launcher takes its own bus daemon and the registry with it; let it go before the X
# server does, so that nothing is left holding a connection to either.
if [[ -n $launcher_pid ]] && kill "$launcher_pid" 2>/dev/null; then
    for ((i = 0; i < 30; ++i)); do
        [[ -e /proc/$launcher_pid && $(awk '{print $3}' "/proc/$launcher_pid/stat" 2>/dev/null) != Z ]] ||
            break
        sleep 0.1
    done
fi
exit "$status"
