#!/usr/bin/env bash
# Runs a command in a network namespace of its own, with nothing but a loopback device: a test
# there can drop a server's packets with iptables (a pulled cable) without touching the
# machine's network or the other suites' servers.
#   in_own_network.sh COMMAND [ARGS...]
# Exits 77 (ctest: skipped, with the reason) where a namespace or iptables is not to be had.
set -euo pipefail
if [[ ${RADIOCODE_TEST_OWN_NETWORK:-} != 1 ]]; then
    if ! unshare --net true 2>/dev/null; then
        echo "in_own_network: cannot make a network namespace here (needs root)" >&2
        exit 77
    fi
    for tool in ip iptables; do
        command -v "$tool" >/dev/null ||
            { echo "in_own_network: $tool is not installed" >&2; exit 77; }
    done
    RADIOCODE_TEST_OWN_NETWORK=1 exec unshare --net bash "$0" "$@"
fi
ip link set lo up
exec "$@"
