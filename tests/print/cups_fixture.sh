#!/usr/bin/env bash
# ctest fixture for the printing tests: a private CUPS server in a temporary folder, reached
# only through its own Unix socket (never the system's cupsd, its queues or /etc/cups).
#   cups_fixture.sh start STATE_DIR   start cupsd, set up the queues, write the socket's path
#                                     to STATE_DIR/server and the server's folder to
#                                     STATE_DIR/root; when cupsd is not installed, write
#                                     STATE_DIR/missing instead (the tests then skip)
#   cups_fixture.sh stop STATE_DIR    stop cupsd and delete its folder
# Queues:
#   radiocode-pdf      cups-pdf (the default printer); its PDFs land in ROOT/cups-pdf. cups-pdf
#                      reads its settings only from /etc/cups/cups-pdf.conf, so the server runs
#                      in a mount namespace of its own where our copy is bound over that path.
#                      Without a namespace (not root, no unshare) the queue is left out.
#   radiocode-file     a queue without a driver that writes what it gets to ROOT/file-out.prn
#   radiocode-rejects  rejects jobs (cupsreject)
#   radiocode-stopped  stopped (cupsdisable)
#   radiocode-duplex   CUPS's sample PCL laser driver with a duplex unit, writing to a file
# Every job's document stays in ROOT/spool as d<job id>-001 (PreserveJobFiles).
set -euo pipefail
action=${1:?start or stop}
state=${2:?state folder}
mkdir -p "$state"
state=$(cd "$state" && pwd)

stop_server() {
    [[ -f $state/root ]] || return 0
    local root pid
    root=$(cat "$state/root")
    if [[ -f $root/cupsd.pid ]]; then
        pid=$(cat "$root/cupsd.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$root"
    rm -f "$state/root" "$state/server"
}

case $action in
start)
    stop_server # a leftover of an interrupted run
    rm -f "$state/missing"
    cupsd=$(command -v cupsd || ls /usr/sbin/cupsd 2>/dev/null || true)
    if [[ -z $cupsd ]]; then
        echo "cupsd is not installed (Debian package cups): the printing tests skip." \
            "bash packaging/dev.sh test installs it." >&2
        touch "$state/missing"
        exit 0
    fi
    root=$(mktemp -d /tmp/radiocode-cups.XXXXXX)
    echo "$root" >"$state/root"
    # Filters run as the user lp: they must reach the spool.
    chmod 755 "$root"
    mkdir -p "$root"/{etc,spool,tmp,cache,state,log,cups-pdf}
    chmod 1777 "$root/tmp" "$root/cups-pdf"
    socket=$root/cups.sock
    cat >"$root/etc/cupsd.conf" <<EOF
Listen $socket
LogLevel info
PreserveJobFiles Yes
PreserveJobHistory Yes
MaxJobs 0
Browsing No
WebInterface No
DefaultAuthType None
DefaultEncryption Never
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
EOF
    cat >"$root/etc/cups-files.conf" <<EOF
ServerRoot $root/etc
RequestRoot $root/spool
TempDir $root/tmp
CacheDir $root/cache
StateDir $root/state
AccessLog $root/log/access_log
ErrorLog $root/log/error_log
PageLog $root/log/page_log
FileDevice Yes
SystemGroup root
EOF
    cat >"$root/cups-pdf.conf" <<EOF
Out $root/cups-pdf
AnonDirName $root/cups-pdf
Label 1
Log $root/log
LogType 3
EOF
    chmod 644 "$root"/etc/*.conf "$root/cups-pdf.conf"
    with_pdf_queue=0
    if [[ $(id -u) -eq 0 && -e /etc/cups/cups-pdf.conf && -x /usr/lib/cups/backend/cups-pdf ]] &&
        unshare --mount --propagation private true 2>/dev/null; then
        with_pdf_queue=1
        unshare --mount --propagation private bash -c \
            'mount --bind "$1" /etc/cups/cups-pdf.conf && exec "$2" -f -c "$3" -s "$4"' \
            fixture "$root/cups-pdf.conf" "$cupsd" "$root/etc/cupsd.conf" \
            "$root/etc/cups-files.conf" >"$root/log/cupsd.out" 2>&1 &
    else
        "$cupsd" -f -c "$root/etc/cupsd.conf" -s "$root/etc/cups-files.conf" \
            >"$root/log/cupsd.out" 2>&1 &
    fi
    # unshare and bash exec into cupsd: this is cupsd's process id.
    echo $! >"$root/cupsd.pid"
    export CUPS_SERVER=$socket
    for _ in $(seq 100); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.1
    done
    if ! lpstat -r 2>/dev/null | grep -q "is running"; then
        echo "The private cupsd did not start:" >&2
        cat "$root/log/cupsd.out" "$root/log/error_log" >&2 2>/dev/null || true
        stop_server
        exit 1
    fi
    # lpadmin warns that queues without a driver are deprecated: they are what we want here.
    lpadmin -p radiocode-file -E -v "file://$root/file-out.prn" 2>/dev/null
    lpadmin -p radiocode-rejects -E -v "file://$root/rejects-out.prn" 2>/dev/null
    cupsreject -r "Test queue: rejects every job" radiocode-rejects
    lpadmin -p radiocode-stopped -E -v "file://$root/stopped-out.prn" 2>/dev/null
    cupsdisable -r "Test queue: stopped" radiocode-stopped
    # A laser printer's driver with its duplex unit installed: the dialog offers two-sided.
    if lpinfo -m 2>/dev/null | grep -q "^drv:///sample.drv/generpcl.ppd "; then
        lpadmin -p radiocode-duplex -E -v "file://$root/duplex-out.prn" \
            -m drv:///sample.drv/generpcl.ppd -o Option1=True 2>/dev/null
    fi
    if ((with_pdf_queue)); then
        lpadmin -p radiocode-pdf -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
        lpadmin -d radiocode-pdf
    else
        echo "cups-pdf needs root and a mount namespace here: only the file queue" >&2
        lpadmin -d radiocode-file
    fi
    echo "$socket" >"$state/server"
    ;;
stop)
    stop_server
    ;;
*)
    echo "usage: cups_fixture.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
