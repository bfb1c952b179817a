#!/usr/bin/env bash
# Load test of the sample app with the viewmetrics filter on and off, driven by wrk.
# Prints requests/s of each run and the ratio (on / off). Run from anywhere:
#
#   benchmarks/load.sh                       # 2 wrk threads, 32 connections, 10 s warm-up, 30 s measured
#   DURATION=60s CONNECTIONS=64 benchmarks/load.sh
#   URL_PATH=/spring/orders/42 PORT=8080 benchmarks/load.sh
#
# Needs the sample app, built with: mvn -B -DskipTests package
# (contract: java -jar sample-app/target/sample-app.jar, listening on $PORT;
#  VIEWMETRICS_ENABLED=false turns the filter off). Metrics stay in the app's in-process
# registry unless STATSD_HOST (and STATSD_PORT, STATSD_PROTOCOL) are set, which the app inherits.
# Installs wrk with apt-get when it is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

JAR=${SAMPLE_APP_JAR:-sample-app/target/sample-app.jar}
PORT=${PORT:-8080}
URL_PATH=${URL_PATH:-/plain/users/42}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
URL="http://127.0.0.1:${PORT}${URL_PATH}"
LOG_DIR=${LOG_DIR:-benchmarks/target/load}

app_pid=""

stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$app_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
trap stop_app EXIT

ensure_wrk() {
    if command -v wrk >/dev/null 2>&1; then
        return
    fi
    echo "wrk not found: installing it with apt-get" >&2
    local sudo=""
    if [[ $(id -u) -ne 0 ]]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq wrk
}

# start_app <enabled>: starts the sample app with VIEWMETRICS_ENABLED=<enabled> and waits until it answers.
start_app() {
    local enabled=$1
    local log="$LOG_DIR/sample-app-viewmetrics-$enabled.log"
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    PORT="$PORT" VIEWMETRICS_ENABLED="$enabled" "$JAVA" $JAVA_OPTS -jar "$JAR" >"$log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "the sample app exited while starting; its log ($log):" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        if curl -s -o /dev/null "$URL"; then
            return
        fi
        sleep 0.5
    done
    echo "the sample app did not answer $URL within 60 s; see $log" >&2
    exit 1
}

# requests_per_second <duration>: runs wrk against $URL and prints its Requests/sec figure.
requests_per_second() {
    local out
    out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$1" --latency "$URL")
    echo "$out" >&2
    local non2xx
    non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
    if [[ -n "$non2xx" ]]; then
        echo "warning: $non2xx responses were not 2xx/3xx: is $URL_PATH a route of the sample app?" >&2
    fi
    echo "$out" | awk '/^Requests\/sec:/ {print $2}'
}

# measure <enabled>: one run of the app, warm-up then measurement; sets RPS to its requests/s.
# (Runs in this shell, not in $(...), so that the EXIT trap knows the app's pid and `exit` stops the script.)
measure() {
    local enabled=$1
    start_app "$enabled"
    echo "== VIEWMETRICS_ENABLED=$enabled: warm-up ($WARMUP)" >&2
    requests_per_second "$WARMUP" >/dev/null
    echo "== VIEWMETRICS_ENABLED=$enabled: measured ($DURATION)" >&2
    RPS=$(requests_per_second "$DURATION")
    stop_app
    if [[ -z "$RPS" ]]; then
        echo "wrk reported no Requests/sec" >&2
        exit 1
    fi
}

if [[ ! -f "$JAR" ]]; then
    echo "$JAR not found: this load test needs the sample app." >&2
    echo "Build it with: mvn -B -pl sample-app -am -DskipTests package" >&2
    exit 1
fi
command -v curl >/dev/null 2>&1 || { echo "curl is needed to wait for the app" >&2; exit 1; }
ensure_wrk
mkdir -p "$LOG_DIR"
if curl -s -o /dev/null "http://127.0.0.1:${PORT}/"; then
    echo "something already listens on port $PORT: stop it or set PORT" >&2
    exit 1
fi

measure false
off=$RPS
measure true
on=$RPS

echo
echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION $URL ($(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1))"
awk -v on="$on" -v off="$off" 'BEGIN {
    printf "%-22s %14s\n", "viewmetrics", "requests/s"
    printf "%-22s %14.0f\n", "off", off
    printf "%-22s %14.0f\n", "on", on
    printf "%-22s %14.3f\n", "ratio (on / off)", (off > 0 ? on / off : 0)
}'
