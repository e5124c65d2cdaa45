#!/usr/bin/env bash
# Start MariaDB and Redis when they are not running, and fail loudly when they cannot be reached.
set -euo pipefail

wait_for() {
    local name=$1 check=$2
    for _ in $(seq 1 60); do
        if eval "$check" >/dev/null 2>&1; then
            echo "$name is reachable"
            return 0
        fi
        sleep 0.5
    done
    echo "ERROR: $name is not reachable after 30 s; the MariaDB + Redis run cannot go on" >&2
    return 1
}

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "starting redis-server"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
wait_for Redis "redis-cli -h 127.0.0.1 -p 6379 ping"

if ! mariadb -h 127.0.0.1 -P 3306 -u root -e 'SELECT 1' >/dev/null 2>&1; then
    echo "starting mariadbd"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi
wait_for MariaDB "mariadb -h 127.0.0.1 -P 3306 -u root -e 'SELECT 1'"
