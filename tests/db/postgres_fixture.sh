#!/usr/bin/env bash
# ctest fixture for the PostgreSQL run of the storage suite: a throwaway server.
#   postgres_fixture.sh start STATE_DIR   initdb in a temporary folder (as the unprivileged user
#                                         "postgres" when run as root), start it on a free port on
#                                         127.0.0.1 only, create the test database, write its URL
#                                         to STATE_DIR/url
#   postgres_fixture.sh stop STATE_DIR    stop the server and delete its folder
#   postgres_fixture.sh halt STATE_DIR    stop the server and keep its folder (a test that
#                                         restarts the server under a program)
#   postgres_fixture.sh resume STATE_DIR  start it again, on the same address and port
set -euo pipefail
action=${1:?start or stop}
state=${2:?state folder}
state=$(mkdir -p "$state" && cd "$state" && pwd)
bindir=${RADIOCODE_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

as_server_user() {
    # From a folder the server's user can enter: the build folder may be under /root.
    (cd /tmp && as_server_user_here "$@")
}

as_server_user_here() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_server() {
    [[ -f $state/datadir ]] || return 0
    local data
    data=$(cat "$state/datadir")
    if [[ -d $data/db ]]; then
        as_server_user "$bindir/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
    rm -f "$state/datadir" "$state/url"
}

# Starts the cluster in DATA on PORT: 127.0.0.1 only, its socket in DATA.
start_cluster() {
    as_server_user "$bindir/pg_ctl" -D "$1/db" -l "$1/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $2 -k $1 -c fsync=off" start >/dev/null
}

case $action in
start)
    if [[ -z $bindir || ! -x $bindir/initdb ]]; then
        echo "The PostgreSQL server is not installed (Debian package postgresql): the storage" \
            "suite cannot run against PostgreSQL. bash packaging/dev.sh test installs it." >&2
        exit 1
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "Running as root but there is no user \"postgres\" to run the server as." >&2
        exit 1
    fi
    stop_server # a leftover of an interrupted run
    mkdir -p "$state"
    data=$(mktemp -d /tmp/radiocode-pg.XXXXXX)
    echo "$data" >"$state/datadir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$data"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if ! as_server_user "$bindir/initdb" -D "$data/db" -A trust -U radiocode -E UTF8 \
        --locale=C --no-sync >"$data/initdb.log" 2>&1; then
        cat "$data/initdb.log" >&2
        stop_server
        exit 1
    fi
    if ! start_cluster "$data" "$port"; then
        cat "$data/server.log" >&2
        stop_server
        exit 1
    fi
    as_server_user "$bindir/createdb" -h 127.0.0.1 -p "$port" -U radiocode radiocode_test
    echo "postgresql://radiocode@127.0.0.1:$port/radiocode_test" >"$state/url"
    echo "PostgreSQL test server on 127.0.0.1:$port ($data)"
    ;;
stop)
    stop_server
    ;;
halt)
    as_server_user "$bindir/pg_ctl" -D "$(cat "$state/datadir")/db" -m fast -w stop >/dev/null
    ;;
resume)
    url=$(cat "$state/url")
    port=${url##*:}
    port=${port%%/*}
    if ! start_cluster "$(cat "$state/datadir")" "$port"; then
        cat "$(cat "$state/datadir")/server.log" >&2
        exit 1
    fi
    ;;
*)
    echo "usage: postgres_fixture.sh start|stop|halt|resume STATE_DIR" >&2
    exit 2
    ;;
esac
