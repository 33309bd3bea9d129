#!/usr/bin/env bash
# Manage the throwaway cluster the demo uses (.cluster/demo inside the checkout).
#
#   scripts/cluster.sh start | stop | status | env | psql [psql args...]
#
# `eval "$(scripts/cluster.sh env)"` points psql, pgbench and drivers at it.
source "$(dirname "$0")/lib.sh"

dir="$(cluster_dir "${CONTACTS_CLUSTER:-demo}")"
case "${1:-status}" in
    start)  cluster_start "$dir" ;;
    stop)   cluster_stop "$dir" ;;
    status) if cluster_running "$dir"; then cluster_env "$dir"; echo "running: port $PGPORT, socket $PGHOST"; else echo "not running ($dir)"; exit 1; fi ;;
    env)    cat "$dir/env" ;;
    psql)   shift; cluster_env "$dir"; exec psql "$@" ;;
    *)      die "usage: $0 start|stop|status|env|psql" ;;
esac
