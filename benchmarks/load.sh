#!/usr/bin/env bash
# Load test of the sample app with the viewmetrics filter off and on, driven by wrk, in fresh JVMs taking turns:
# off, on, off, on, ... (PAIRS pairs). For every run it prints requests/s and the app's own CPU time per request
# (utime + stime of the app process from /proc/<pid>/stat over the measured wrk run, divided by the requests wrk
# counted); for every pair the ratios on/off; at the end the median of each ratio. Run from anywhere:
#
#   benchmarks/load.sh                       # 5 pairs; 2 wrk threads, 32 connections, 10 s warm-up, 20 s measured
#   PAIRS=7 DURATION=30s CONNECTIONS=64 benchmarks/load.sh
#   URL_PATH=/spring/orders/42 PORT=8080 benchmarks/load.sh
#
# Needs the sample app, built with: mvn -B -DskipTests package
# (contract: java -jar sample-app/target/sample-app.jar, listening on $PORT;
#  VIEWMETRICS_ENABLED=false turns the filter off). Metrics stay in the app's in-process
# registry unless STATSD_HOST (and STATSD_PORT, STATSD_PROTOCOL) are set, which the app inherits.
# Installs wrk with apt-get when it is missing. Linux only (/proc).
set -euo pipefail

cd "$(dirname "$0")/.."

JAR=${SAMPLE_APP_JAR:-sample-app/target/sample-app.jar}
PORT=${PORT:-8080}
URL_PATH=${URL_PATH:-/plain/users/42}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-20s}
PAIRS=${PAIRS:-5}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
URL="http://127.0.0.1:${PORT}${URL_PATH}"
LOG_DIR=${LOG_DIR:-benchmarks/target/load}
CLOCK_TICKS=$(getconf CLK_TCK)

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

# start_app <enabled> <run>: starts the sample app with VIEWMETRICS_ENABLED=<enabled> and waits until it answers.
start_app() {
    local enabled=$1
    local log="$LOG_DIR/sample-app-$2-viewmetrics-$enabled.log"
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

# cpu_ticks: user + system CPU time of the app process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat,
# counted after the command name, which may contain spaces).
cpu_ticks() {
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$app_pid/stat"
}

# run_wrk <duration>: runs wrk against $URL; sets WRK_OUT to its output.
run_wrk() {
    WRK_OUT=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$1" --latency "$URL")
    echo "$WRK_OUT" >&2
    local non2xx
    non2xx=$(echo "$WRK_OUT" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
    if [[ -n "$non2xx" ]]; then
        echo "warning: $non2xx responses were not 2xx/3xx: is $URL_PATH a route of the sample app?" >&2
    fi
}

# measure <enabled> <run>: one fresh JVM of the app, warm-up then measurement; sets RPS and CPU_US (CPU µs per
# request of the app process over the measured run). Runs in this shell, not in $(...), so that the EXIT trap knows
# the app's pid and `exit` stops the script.
measure() {
    local enabled=$1
    start_app "$enabled" "$2"
    echo "== run $2, VIEWMETRICS_ENABLED=$enabled: warm-up ($WARMUP)" >&2
    run_wrk "$WARMUP"
    echo "== run $2, VIEWMETRICS_ENABLED=$enabled: measured ($DURATION)" >&2
    local before after requests
    before=$(cpu_ticks)
    run_wrk "$DURATION"
    after=$(cpu_ticks)
    stop_app
    RPS=$(echo "$WRK_OUT" | awk '/^Requests\/sec:/ {print $2}')
    requests=$(echo "$WRK_OUT" | awk '/requests in/ {print $1}')
    if [[ -z "$RPS" || -z "$requests" || "$requests" -eq 0 ]]; then
        echo "wrk reported no requests" >&2
        exit 1
    fi
    CPU_US=$(awk -v ticks=$((after - before)) -v hz="$CLOCK_TICKS" -v n="$requests" \
        'BEGIN { printf "%.2f", ticks / hz * 1e6 / n }')
    echo "== run $2, VIEWMETRICS_ENABLED=$enabled: $RPS requests/s, $CPU_US CPU µs per request (app process)" >&2
}

if [[ ! -f "$JAR" ]]; then
    echo "$JAR not found: this load test needs the sample app." >&2
    echo "Build it with: mvn -B -pl sample-app -am -DskipTests package" >&2
    exit 1
fi
if [[ ! "$PAIRS" =~ ^[1-9][0-9]*$ ]]; then
    echo "PAIRS must be a whole number of at least 1, was '$PAIRS'" >&2
    exit 1
fi
command -v curl >/dev/null 2>&1 || { echo "curl is needed to wait for the app" >&2; exit 1; }
ensure_wrk
mkdir -p "$LOG_DIR"
if curl -s -o /dev/null "http://127.0.0.1:${PORT}/"; then
    echo "something already listens on port $PORT: stop it or set PORT" >&2
    exit 1
fi

results=()
for pair in $(seq 1 "$PAIRS"); do
    measure false "$((2 * pair - 1))"
    off_rps=$RPS
    off_cpu=$CPU_US
    measure true "$((2 * pair))"
    results+=("$pair $off_rps $RPS $off_cpu $CPU_US")
done

echo
echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION $URL ($(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${results[@]}" | awk '
    function median(values, n,    i, j, t) {
        for (i = 2; i <= n; i++) {
            for (j = i; j > 1 && values[j - 1] > values[j]; j--) {
                t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
            }
        }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    BEGIN {
        printf "%-5s %12s %12s %10s   %12s %12s %10s\n", "pair", "off req/s", "on req/s", "on/off",
            "off CPU µs", "on CPU µs", "on/off"
    }
    {
        rps[NR] = $3 / $2
        cpu[NR] = $5 / $4
        printf "%-5s %12.0f %12.0f %10.3f   %12.2f %12.2f %10.3f\n", $1, $2, $3, rps[NR], $4, $5, cpu[NR]
    }
    END {
        printf "%-5s %12s %12s %10.3f   %12s %12s %10.3f\n", "median", "", "", median(rps, NR), "", "", median(cpu, NR)
    }'
echo "(req/s: on/off below 1 is throughput lost; CPU µs per request: the app process's own, on/off above 1 is CPU added)"
