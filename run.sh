#!/usr/bin/env bash
# Minxin on one machine, no Docker: builds if needed, starts local-stack (Kafka + MongoDB-wire server) and
# every service, waits until all are healthy, loads the demo month through the gateway and prints the URLs.
# Ctrl-C stops everything cleanly. Options: --fresh (wipe data/ first), --no-demo (skip the demo load).
set -euo pipefail
cd "$(dirname "$0")"

DATA_DIR=${MINXIN_DATA_DIR:-$PWD/data}
FRESH=false
LOAD_DEMO=true
for arg in "$@"; do
    case "$arg" in
        --fresh) FRESH=true ;;
        --no-demo) LOAD_DEMO=false ;;
        -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

SERVICES=(intake-service:8081 metrics-service:8082 ranking-service:8083 notice-service:8084 console:8085 gateway:8080)
VERSION=0.1.0-SNAPSHOT
# the demo generator (module demo-data): its jar names DemoMonthCli and the dependencies copied to demo-data/target/lib
DEMO_JAR=demo-data/target/demo-data-$VERSION.jar
PIDS=()
STARTED=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_all() {
    trap - INT TERM EXIT
    if [ ${#PIDS[@]} -gt 0 ]; then
        log "stopping…"
        # services first, the stack last, so nothing loses its broker mid-shutdown
        for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
        for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
        log "stopped"
    fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

needs_build() {
    local jar
    for jar in local-stack/target/local-stack-$VERSION.jar $DEMO_JAR; do [ -f "$jar" ] || return 0; done
    [ -z "$(find demo-data/src case-events/src -newer "$DEMO_JAR" -type f -print -quit)" ] || return 0
    for entry in "${SERVICES[@]}"; do
        local svc=${entry%%:*}
        [ -d "$svc/src" ] || continue
        jar=$svc/target/$svc-$VERSION-exec.jar
        [ -f "$jar" ] || return 0
        [ -z "$(find "$svc/src" case-events/src -newer "$jar" -type f -print -quit)" ] || return 0
    done
    return 1
}

if needs_build; then
    log "building (./mvnw -B -q install -DskipTests)…"
    ./mvnw -B -q install -DskipTests
fi

if $FRESH; then
    log "--fresh: removing $DATA_DIR"
    rm -rf "$DATA_DIR"
fi
mkdir -p "$DATA_DIR/logs"

# API keys: generated once per data directory, never committed.
KEYS_FILE=$DATA_DIR/keys.env
if [ ! -f "$KEYS_FILE" ]; then
    umask 077
    {
        echo "MINXIN_BOOTSTRAP_OPERATOR_KEY=mx_operator0_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
        echo "MINXIN_BOOTSTRAP_INTEGRATION_KEY=mx_integration0_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
        echo "MINXIN_BOOTSTRAP_DASHBOARD_KEY=mx_dashboard0_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    } >"$KEYS_FILE"
    umask 022
fi
# The console's first account, operator: its password generated once per data directory too, shown once below.
NEW_OPERATOR_PASSWORD=
if ! grep -q '^MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD=' "$KEYS_FILE"; then
    NEW_OPERATOR_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
    umask 077
    echo "MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD=$NEW_OPERATOR_PASSWORD" >>"$KEYS_FILE"
    umask 022
fi
set -a
# shellcheck disable=SC1090
. "$KEYS_FILE"
set +a

# Identity-token keys: the gateway signs who is calling with the private set, the services verify with the public
# one. Generated once per data directory (data/ is never committed); rotation: docs/design.md, section 8.
IDENTITY_DIR=$DATA_DIR/identity
GATEWAY_JAR=gateway/target/gateway-$VERSION-exec.jar
if [ -f "$GATEWAY_JAR" ]; then
    java -cp "$GATEWAY_JAR" -Dloader.main=io.minxin.gateway.identity.IdentityKeys \
        org.springframework.boot.loader.launch.PropertiesLauncher generate "$IDENTITY_DIR" >"$DATA_DIR/logs/identity-keys.log" 2>&1 \
        || { cat "$DATA_DIR/logs/identity-keys.log" >&2; exit 1; }
fi
export MINXIN_GATEWAY_IDENTITY_SIGNING_KEYS=$IDENTITY_DIR/signing-keys.json
export MINXIN_IDENTITY_PUBLIC_KEYS=file:$IDENTITY_DIR/public-keys.json

# The demo month is September 2020: the duty check judges exactly that month's working days, and its units may
# still file disputes (申诉), whose window of working days after the period would otherwise have closed years ago.
if $LOAD_DEMO; then
    export MINXIN_NOTICE_DUTY_SINCE=${MINXIN_NOTICE_DUTY_SINCE:-2020-09-01} MINXIN_NOTICE_DUTY_UNTIL=${MINXIN_NOTICE_DUTY_UNTIL:-2020-09-30}
    export MINXIN_NOTICE_DISPUTES_WINDOW_WORKING_DAYS=${MINXIN_NOTICE_DISPUTES_WINDOW_WORKING_DAYS:-5000}
    # the console's pages open on the demo month
    export MINXIN_CONSOLE_DEFAULT_PERIOD=${MINXIN_CONSOLE_DEFAULT_PERIOD:-2020-09}
fi

STACK_CP="local-stack/target/local-stack-$VERSION.jar:local-stack/target/lib/*"
log "starting local-stack (Kafka :9092, MongoDB :27017, data in $DATA_DIR)"
java -cp "$STACK_CP" io.minxin.localstack.LocalStack --data-dir "$DATA_DIR/stack" \
    >"$DATA_DIR/logs/local-stack.log" 2>&1 &
PIDS+=($!)

wait_for() { # name url seconds
    local name=$1 url=$2 deadline=$((SECONDS + $3))
    until curl -sf -o /dev/null "$url"; do
        if [ $SECONDS -ge $deadline ]; then
            log "$name did not become healthy at $url; see $DATA_DIR/logs/$name.log"
            tail -n 40 "$DATA_DIR/logs/$name.log" >&2 || true
            exit 1
        fi
        for pid in "${PIDS[@]}"; do
            kill -0 "$pid" 2>/dev/null || { log "a process died; see $DATA_DIR/logs"; exit 1; }
        done
        sleep 1
    done
    log "$name healthy"
}

until grep -q "local-stack ready" "$DATA_DIR/logs/local-stack.log" 2>/dev/null; do
    kill -0 "${PIDS[0]}" 2>/dev/null || { tail -n 40 "$DATA_DIR/logs/local-stack.log" >&2; exit 1; }
    sleep 1
done
log "local-stack ready"

# Only the gateway is meant to be reached: the services behind it listen on loopback (Spring's server.address), and
# the gateway where MINXIN_GATEWAY_ADDRESS says (default 127.0.0.1; 0.0.0.0 opens it to the network).
GATEWAY_ADDRESS=${MINXIN_GATEWAY_ADDRESS:-127.0.0.1}
case "$GATEWAY_ADDRESS" in
    0.0.0.0 | :: | "[::]") GATEWAY_HOST=127.0.0.1 ;;
    *:*) GATEWAY_HOST="[${GATEWAY_ADDRESS#[}"; GATEWAY_HOST="${GATEWAY_HOST%]}]" ;;
    *) GATEWAY_HOST=$GATEWAY_ADDRESS ;;
esac
host_of() { if [ "$1" = gateway ]; then echo "$GATEWAY_HOST"; else echo 127.0.0.1; fi; }
# the console calls the APIs through the gateway, wherever it listens
export MINXIN_CONSOLE_GATEWAY_URL=${MINXIN_CONSOLE_GATEWAY_URL:-http://$GATEWAY_HOST:8080}

for entry in "${SERVICES[@]}"; do
    svc=${entry%%:*}
    port=${entry##*:}
    jar=$svc/target/$svc-$VERSION-exec.jar
    [ -f "$jar" ] || { log "skipping $svc (not built)"; continue; }
    address=()
    [ "$svc" = gateway ] || address=(SERVER_ADDRESS=127.0.0.1)
    env "${address[@]}" MINXIN_METRICS_STREAMS_STATE_DIR="$DATA_DIR/$svc-state" java -Xmx512m -jar "$jar" \
        >"$DATA_DIR/logs/$svc.log" 2>&1 &
    PIDS+=($!)
    STARTED+=("$svc:$port")
done
for entry in "${STARTED[@]}"; do
    wait_for "${entry%%:*}" "http://$(host_of "${entry%%:*}"):${entry##*:}/actuator/health" 180
done

if [ -f gateway/target/gateway-$VERSION-exec.jar ]; then
    ENTRY=http://$GATEWAY_HOST:8080
else
    ENTRY=http://127.0.0.1:8081
fi
case "$GATEWAY_ADDRESS" in
    127.* | ::1 | "[::1]" | localhost) OPEN="this machine only; MINXIN_GATEWAY_ADDRESS=0.0.0.0 ./run.sh opens it" ;;
    0.0.0.0 | :: | "[::]") OPEN="every interface: reachable from the network" ;;
    *) OPEN="$GATEWAY_ADDRESS only" ;;
esac

if $LOAD_DEMO && [ ! -f "$DATA_DIR/demo-loaded" ]; then
    DEMO=$DATA_DIR/demo-2020-09.ndjson
    # the demo district's unit directory (every unit in 兴隆台区) first, then the month
    java -cp "$DEMO_JAR:demo-data/target/lib/*" io.minxin.demo.DemoMonthCli --month 2020-09 --out "$DEMO.month" \
        --directory "$DEMO.units"
    cat "$DEMO.units" "$DEMO.month" >"$DEMO" && rm -f "$DEMO.units" "$DEMO.month"
    total=$(wc -l <"$DEMO")
    split -l 1000 -d -a 4 "$DEMO" "$DATA_DIR/demo-batch-"
    sent=0
    for batch in "$DATA_DIR"/demo-batch-*; do
        n=$(wc -l <"$batch")
        for attempt in 1 2 3 4 5; do
            code=$(curl -s -o "$DATA_DIR/logs/demo-load.out" -w '%{http_code}' -X POST "$ENTRY/api/v1/events/batch" \
                -H "Content-Type: application/x-ndjson" -H "X-Api-Key: $MINXIN_BOOTSTRAP_INTEGRATION_KEY" \
                --data-binary @"$batch") || code=000
            [ "$code" = 202 ] && break
            sleep "$attempt"
        done
        [ "$code" = 202 ] || { echo; log "demo load failed with HTTP $code: $(cat "$DATA_DIR/logs/demo-load.out")"; exit 1; }
        sent=$((sent + n))
        printf '\r%s loading the demo month: %d/%d events (%d%%)' "$(date +%H:%M:%S)" "$sent" "$total" $((100 * sent / total))
        rm -f "$batch"
    done
    echo
    touch "$DATA_DIR/demo-loaded"
fi

cat <<INFO

Minxin is running.
  Gateway (all APIs)   $ENTRY/api/v1/…      Swagger UI  $ENTRY/swagger-ui.html
                       listening on $GATEWAY_ADDRESS ($OPEN)
  Overview             curl -H "X-Api-Key: \$MINXIN_BOOTSTRAP_DASHBOARD_KEY" '$ENTRY/api/v1/overview?period=2020-09'
  Console              $ENTRY/console/  (through the gateway): sign in as operator, password in $KEYS_FILE
                       (MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD; change it on the console's 账户 page)
  Services             127.0.0.1 only: intake :8081  metrics :8082  ranking :8083  notice :8084  console :8085  (/actuator/health, /actuator/prometheus)
  Kafka 127.0.0.1:9092   MongoDB mongodb://127.0.0.1:27017   logs $DATA_DIR/logs
  API keys             $KEYS_FILE  (source it: set -a; . $KEYS_FILE; set +a)
Ctrl-C stops everything.
INFO
if [ -n "$NEW_OPERATOR_PASSWORD" ]; then
    echo "  First start: the console's operator password is $NEW_OPERATOR_PASSWORD (shown this once)"
fi
wait "${PIDS[0]}"
