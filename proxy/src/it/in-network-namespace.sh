#!/usr/bin/env bash
# Runs a command (and everything it starts: wisp, Chromium) inside a network namespace of its
# own, with a veth pair whose ends are 10.213.0.1 and 10.213.0.2: WebRTC gathers no loopback
# candidates, and nothing from inside can leave the machine. The namespace is deleted afterwards.
# The command sees WISP_E2E_HOST=10.213.0.1, the address to reach wisp on.
#
#   proxy/src/it/in-network-namespace.sh node --test browser/web-client.test.mjs
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ns="wisp-e2e-$$"
as_root ip netns add "$ns"
trap 'as_root ip netns del "$ns" 2>/dev/null || true' EXIT
in_ns=(as_root ip netns exec "$ns")
# No IPv6: addresses appearing a moment later (link-local, after DAD) make Chromium abort a page
# load with ERR_NETWORK_CHANGED.
"${in_ns[@]}" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
"${in_ns[@]}" ip link set lo up
"${in_ns[@]}" ip link add v0 type veth peer name v1
"${in_ns[@]}" ip addr add 10.213.0.1/24 dev v0
"${in_ns[@]}" ip addr add 10.213.0.2/24 dev v1
"${in_ns[@]}" ip link set v0 up
"${in_ns[@]}" ip link set v1 up
"${in_ns[@]}" ip route add default via 10.213.0.2 dev v0
"${in_ns[@]}" env WISP_E2E_HOST=10.213.0.1 "$@"
