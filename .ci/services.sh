#!/usr/bin/env bash
# Start MariaDB and Redis on 127.0.0.1 when they are not running, and fail loudly when they
# cannot be reached. Also check the server programs that the fault tests start privately.
set -euo pipefail

REDIS_PORT=6379
MARIADB_PORT=3306
READY_ATTEMPTS=60  # 0.5 s apart: 30 s in all

fail() {
    echo "ERROR: $*" >&2
    exit 1
}

wait_for() {
    local name=$1 check=$2
    for _ in $(seq 1 "$READY_ATTEMPTS"); do
        if eval "$check" >/dev/null 2>&1; then
            echo "$name is reachable"
            return 0
        fi
        sleep 0.5
    done
    fail "$name is not reachable after $((READY_ATTEMPTS / 2)) s; the MariaDB + Redis pass cannot run"
}

require_program() {
    local program=$1 package=$2
    if ! PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null; then
        fail "$program is missing; install it with: apt-get install -y $package"
    fi
}

require_program redis-server redis-server
require_program redis-cli redis-tools
require_program mariadbd mariadb-server
require_program mariadb-install-db mariadb-server
require_program mariadb mariadb-client

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "starting redis-server on 127.0.0.1:$REDIS_PORT"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
wait_for Redis "redis-cli -h 127.0.0.1 -p $REDIS_PORT ping"

if ! mariadb -h 127.0.0.1 -P "$MARIADB_PORT" -u root -e 'SELECT 1' >/dev/null 2>&1; then
    echo "starting mariadbd on 127.0.0.1:$MARIADB_PORT"
    # /run is emptied at boot, and Debian's mariadbd keeps its socket and pid file there.
    mkdir -p /run/mysqld
    chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi
wait_for MariaDB "mariadb -h 127.0.0.1 -P $MARIADB_PORT -u root -e 'SELECT 1'"
