#!/usr/bin/env bash
# Scale-out test: one database, two bot instances with identical configuration, HAProxy (Debian's) balancing
# round-robin across them on loopback (no sticky sessions), a bounded load of web-chat conversations and bookings over
# Direct Line through the balancer, `kill -9` of one instance mid-load, then the checks: no lost booking, no lost or
# duplicated transcript activity, every conversation goes on on the surviving instance, failed requests only during
# the failover window; then the killed instance is restarted and must serve requests again.
#
#   deploy/scale-out-test.sh [--storage postgres|sqlite|auto] [--conversations N] [--bookings M] [--publish-dir DIR]
#                            [--tolerate inflight,notifications,ratelimit,dataprotection] [--keep]
#   deploy/scale-out-test.sh --throughput [--storage postgres|sqlite] [--seconds S]   turns per second, 1 vs 2 instances
#
# Run from anywhere (it works from the repository root). Prints one summary line starting with "scale-out:
# conversations=" and exits 0 only when nothing was lost. See deploy/README.md ("Scale-out test").
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

# ------------------------------------------------------------------------------------------------ settings
# Storage: PostgreSQL (src/Chatbot.Clinic.Postgres) by default; `sqlite` puts both processes on one SQLite file (enough
# on one machine, never in production); `auto` takes PostgreSQL when the bot references Npgsql, else SQLite.
STORAGE=${SCALE_OUT_STORAGE:-postgres}
CONVERSATIONS=${SCALE_OUT_CONVERSATIONS:-24}
BOOKINGS=${SCALE_OUT_BOOKINGS:-8}
CONCURRENCY=${SCALE_OUT_CONCURRENCY:-12}
KILL_AT=${SCALE_OUT_KILL_AT:-0.4}             # fraction of the load's posts sent when bot1 is killed
MAX_FAILOVER_MS=${SCALE_OUT_MAX_FAILOVER_MS:-5000}
# Known gaps (issue 14) that do not fail the run when named here (comma-separated): `inflight` (a post in flight on the
# killed instance recorded twice or left without a reply: fixed, posts are idempotent by clientActivityID),
# `notifications` (a staff notification delivered by both instances: fixed, the outbox claims rows), `ratelimit` (the
# per-conversation message limit counted per instance: accepted and documented, docs/decisions.md), `dataprotection`
# (names in conversation state protected with two different keys: fixed, the key ring is in the database). Empty (the
# default): any of them fails the run.
TOLERATE=${SCALE_OUT_TOLERATE:-}
PUBLISH_DIR=${SCALE_OUT_PUBLISH_DIR:-}        # a `dotnet publish` output of src/Chatbot to reuse (skips the build)
KEEP=${SCALE_OUT_KEEP:-0}                     # 1: keep the temporary folder (logs, database, result JSON)
THROUGHPUT=0                                  # --throughput: measure turns/s on one instance, then on both (no kill)
THROUGHPUT_SECONDS=${SCALE_OUT_THROUGHPUT_SECONDS:-30}
BASE_PORT=${SCALE_OUT_BASE_PORT:-28080}       # balancer; then the bots and the webhook receiver (below the ephemeral range)

# How the PostgreSQL provider is selected (Chatbot:Storage:Provider=Postgres) and where it reads its connection string
# (ConnectionStrings:Chatbot), as src/Chatbot.Clinic.Postgres does.
POSTGRES_PROVIDER_VALUE=${SCALE_OUT_POSTGRES_PROVIDER_VALUE:-Postgres}
POSTGRES_CONNECTION_VAR=${SCALE_OUT_POSTGRES_CONNECTION_VAR:-ConnectionStrings__Chatbot}
# The tables as the PostgreSQL provider names them (SQLite: booking_request, conversation_state with a json column).
POSTGRES_BOOKINGS_TABLE=${SCALE_OUT_POSTGRES_BOOKINGS_TABLE:-booking_request}
POSTGRES_STATES_QUERY=${SCALE_OUT_POSTGRES_STATES_QUERY:-SELECT json FROM conversation_state}

# Shared secrets of both instances: DirectLine__TokenSigningKey. Data protection (staff cookies, antiforgery, the
# encrypted names in conversation state) keeps its key ring in the database; each instance still gets its own HOME, as
# two machines would, so nothing is shared through ~/.aspnet/DataProtection-Keys. SCALE_OUT_SHARED_ENV adds
# space-separated NAME=value pairs to both instances.
SHARED_ENV=${SCALE_OUT_SHARED_ENV:-}

while [ $# -gt 0 ]; do
  case "$1" in
    --storage) STORAGE=$2; shift 2 ;;
    --conversations) CONVERSATIONS=$2; shift 2 ;;
    --bookings) BOOKINGS=$2; shift 2 ;;
    --publish-dir) PUBLISH_DIR=$2; shift 2 ;;
    --tolerate) TOLERATE=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --throughput) THROUGHPUT=1; shift ;;
    --seconds) THROUGHPUT_SECONDS=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

log() { printf '[scale-out %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

need_apt() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (apt)"
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$2" >/dev/null 2>&1 || true
  command -v "$1" >/dev/null 2>&1 || die "$2 is missing and could not be installed"
}

if [ "$STORAGE" = auto ]; then
  if grep -qs 'Include="Npgsql' src/*/*.csproj; then STORAGE=postgres; else STORAGE=sqlite; fi
  log "storage: $STORAGE (auto: $( [ "$STORAGE" = postgres ] && echo 'the bot references Npgsql' || echo 'no PostgreSQL provider in src/ yet'))"
fi
case "$STORAGE" in postgres|sqlite) ;; *) die "--storage must be auto, postgres or sqlite" ;; esac

need_apt haproxy haproxy
need_apt curl curl
command -v node >/dev/null || die "node is needed for the load driver"
[ "$STORAGE" = sqlite ] && need_apt sqlite3 sqlite3

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scale-out.XXXXXX")
# The instances' model folder: outside the repository, kept across runs and keyed by the topic files (as the .NET
# tests' TestModelFolder is), so a machine trains once per dataset; never the repository's models/.
MODELS="${TMPDIR:-/tmp}/chatbot-tests/models/scale-out-$(cat "$REPO"/faq-data/*.json | sha256sum | cut -c1-16)"
mkdir -p "$MODELS"
chmod 755 "$WORK"
PIDS=()
HAPROXY_PID=""
cleanup() {
  local code=$?
  for pid in "${PIDS[@]}" $HAPROXY_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}" $HAPROXY_PID; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$STORAGE" = postgres ] && [ -n "${CHATBOT_PG_DIR:-}" ]; then deploy/postgres/throwaway.sh stop >/dev/null 2>&1 || true; fi
  if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
LB_PORT=$(next_port "$BASE_PORT")
BOT1_PORT=$(next_port $((LB_PORT + 1)))
BOT2_PORT=$(next_port $((BOT1_PORT + 1)))
HOOK_PORT=$(next_port $((BOT2_PORT + 1)))

# ------------------------------------------------------------------------------------------------ build
if [ -z "$PUBLISH_DIR" ]; then
  PUBLISH_DIR=$WORK/publish
  log "dotnet publish src/Chatbot -c Release (once, for both instances)"
  dotnet publish src/Chatbot -c Release -o "$PUBLISH_DIR" --nologo -v q >"$WORK/publish.log" 2>&1 \
    || { tail -n 30 "$WORK/publish.log" >&2; die "publish failed"; }
fi
[ -f "$PUBLISH_DIR/Chatbot.dll" ] || die "no Chatbot.dll in $PUBLISH_DIR"

# ------------------------------------------------------------------------------------------------ database
STORAGE_ENV=()
if [ "$STORAGE" = postgres ]; then
  export CHATBOT_PG_DIR=$WORK/pg
  eval "$(CHATBOT_PG_PORT=${CHATBOT_PG_PORT:-55432} deploy/postgres/throwaway.sh start)"
  STORAGE_ENV=("Chatbot__Storage__Provider=$POSTGRES_PROVIDER_VALUE" "$POSTGRES_CONNECTION_VAR=$CHATBOT_TEST_POSTGRES")
else
  STORAGE_ENV=("Chatbot__Storage__Provider=Sqlite" "Chatbot__Storage__SqlitePath=$WORK/chatbot.db")
fi

db_bookings() { # prints "reference conversation_id" lines
  if [ "$STORAGE" = postgres ]; then
    deploy/postgres/throwaway.sh psql -At -F ' ' -c "SELECT reference, conversation_id FROM $POSTGRES_BOOKINGS_TABLE"
  else
    sqlite3 -separator ' ' "$WORK/chatbot.db" "SELECT reference, conversation_id FROM booking_request"
  fi
}

db_states() { # prints one conversation-state JSON a line
  if [ "$STORAGE" = postgres ]; then
    deploy/postgres/throwaway.sh psql -At -c "$POSTGRES_STATES_QUERY"
  else
    sqlite3 "$WORK/chatbot.db" "SELECT json FROM conversation_state"
  fi
}

# ------------------------------------------------------------------------------------------------ the two instances
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
WEBHOOK_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
declare -A PORT=([bot1]=$BOT1_PORT [bot2]=$BOT2_PORT)
declare -A PID
declare -A RUNS=([bot1]=0 [bot2]=0)
start_bot() { # name
  local name=$1 run
  RUNS[$name]=$((RUNS[$name] + 1))
  run=${RUNS[$name]}
  mkdir -p "$WORK/home-$name"
  # shellcheck disable=SC2086 # SHARED_ENV is a list of NAME=value words
  (cd "$PUBLISH_DIR" && exec env \
    HOME="$WORK/home-$name" \
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:${PORT[$name]}" \
    DOTNET_NOLOGO=1 \
    Logging__Console__FormatterName=simple \
    Logging__Console__FormatterOptions__TimestampFormat='HH:mm:ss.fff ' \
    Logging__Console__FormatterOptions__SingleLine=true \
    Chatbot__Faq__DataFolder="$REPO/faq-data" \
    Chatbot__Faq__ModelFolder="$MODELS" \
    "${STORAGE_ENV[@]}" \
    DirectLine__TokenSigningKey="$SIGNING_KEY" \
    DirectLine__PublicBaseUrl="http://127.0.0.1:$LB_PORT/" \
    Chatbot__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    Chatbot__RateLimits__ConversationStartsPerMinutePerIp=100000 \
    Chatbot__RateLimits__MessagesPerMinutePerIp=100000 \
    $( [ "$THROUGHPUT" = 1 ] && echo Chatbot__RateLimits__MessagesPerMinutePerConversation=100000 ) \
    Chatbot__Notifications__WebhookUrl="http://127.0.0.1:$HOOK_PORT/hook" \
    Chatbot__Notifications__WebhookSecret="$WEBHOOK_SECRET" \
    $SHARED_ENV \
    dotnet Chatbot.dll) >"$WORK/$name.$run.log" 2>&1 &
  PID[$name]=$!
  PIDS+=("$!")
  disown "$!" # the kill -9 is on purpose: no "Killed" job report from bash
}

wait_ready() { # name timeout-seconds
  local name=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "${PID[$name]}" 2>/dev/null || { tail -n 30 "$WORK/$name.${RUNS[$name]}.log" >&2; die "$name exited during start-up"; }
    curl -sf "http://127.0.0.1:${PORT[$name]}/readyz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "$name was not ready within $2 s"
}

# One after the other: when $MODELS has no trained model yet, the first instance trains it (minutes) and the second
# then loads the published version instead of training the same folder at the same time.
log "starting bot1 on :$BOT1_PORT ($STORAGE)"
start_bot bot1
wait_ready bot1 900
log "starting bot2 on :$BOT2_PORT"
start_bot bot2
wait_ready bot2 300

# ------------------------------------------------------------------------------------------------ the balancer
# Round-robin, no stickiness. Health checks on /readyz keep a starting instance out until it is ready. Idempotent
# requests (polls) that die with an instance are retried on the other; posts are not (the patient's client retries).
cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 40s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
frontend chat
    bind 127.0.0.1:$LB_PORT
    option forwardfor
    default_backend bots
backend bots
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
    http-request disable-l7-retry if METH_POST
    http-response set-header X-Served-By %[srv_name]
    server bot1 127.0.0.1:$BOT1_PORT check
    server bot2 127.0.0.1:$BOT2_PORT check
EOF
haproxy -c -q -f "$WORK/haproxy.cfg" || die "haproxy configuration is invalid"
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
disown "$HAPROXY_PID"
sleep 0.3
kill -0 "$HAPROXY_PID" 2>/dev/null || { cat "$WORK/haproxy.log" >&2; die "haproxy did not start"; }
log "haproxy on :$LB_PORT → bot1 :$BOT1_PORT, bot2 :$BOT2_PORT (round-robin)"
declare -A SEEN=()
for _ in $(seq 1 60); do
  served=$(curl -s -o /dev/null -D - "http://127.0.0.1:$LB_PORT/healthz" 2>/dev/null | tr -d '\r' | sed -n 's/^[Xx]-[Ss]erved-[Bb]y: //p' || true)
  [ -n "$served" ] && SEEN[$served]=1
  [ -n "${SEEN[bot1]:-}" ] && [ -n "${SEEN[bot2]:-}" ] && break
  sleep 0.25
done
[ -n "${SEEN[bot1]:-}" ] && [ -n "${SEEN[bot2]:-}" ] || die "the balancer does not reach both instances"

# ------------------------------------------------------------------------------------------------ load, kill, rejoin
export LB_URL="http://127.0.0.1:$LB_PORT" RESULT_FILE="$WORK/result.json" WEBHOOK_PORT=$HOOK_PORT \
  CONVERSATIONS BOOKINGS CONCURRENCY KILL_AT MAX_FAILOVER_MS TOLERATE KILL_NAME=bot1 REJOIN_NAME=bot1
BOT_URLS="http://127.0.0.1:$BOT1_PORT,http://127.0.0.1:$BOT2_PORT" RESULT_FILE="$WORK/warmup.json" node deploy/scale-out/load.js warmup \
  || die "the warm-up conversations failed"
if [ "$THROUGHPUT" = 1 ]; then
  # One instance (straight to bot1), then both through the balancer; same clients, same questions, no polling.
  log "throughput: $CONCURRENCY clients, ${THROUGHPUT_SECONDS}s each ($STORAGE); one instance, then two behind HAProxy"
  export CONCURRENCY THROUGHPUT_SECONDS
  # CPU seconds each part used during a measurement (utime+stime from /proc), so the summary can say what it costs.
  ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
  pg_pids() { [ "$STORAGE" = postgres ] || return 0; local pm; pm=$(head -n 1 "$CHATBOT_PG_DIR/data/postmaster.pid" 2>/dev/null) || return 0; echo "$pm" $(ps -o pid= --ppid "$pm"); }
  measure() { # label url
    local hz b1 b2 hp pg s1 s2 sh sp cpu0 cpu1
    hz=$(getconf CLK_TCK)
    b1=$(ticks "${PID[bot1]}"); b2=$(ticks "${PID[bot2]}"); hp=$(ticks "$HAPROXY_PID"); pg=$(ticks $(pg_pids))
    cpu0=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
    THROUGHPUT_URL=$2 THROUGHPUT_LABEL=$1 node deploy/scale-out/load.js throughput | tee -a "$WORK/throughput.txt"
    s1=$(ticks "${PID[bot1]}"); s2=$(ticks "${PID[bot2]}"); sh=$(ticks "$HAPROXY_PID"); sp=$(ticks $(pg_pids))
    cpu1=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
    echo "scale-out: cpu seconds during \"$1\" (ramp-up included): bot1=$(( (s1 - b1) / hz )) bot2=$(( (s2 - b2) / hz )) haproxy=$(( (sh - hp) / hz )) postgres=$(( (sp - pg) / hz )) (backends alive at the end only) machine=$(( (cpu1 - cpu0) / hz )) of $(( ($THROUGHPUT_SECONDS + 5) * $(nproc) )) available" | tee -a "$WORK/throughput.txt"
  }
  measure "$STORAGE 1 instance" "http://127.0.0.1:$BOT1_PORT"
  measure "$STORAGE 2 instances (HAProxy)" "http://127.0.0.1:$LB_PORT"
  exit 0
fi
log "load: $CONVERSATIONS conversations ($BOOKINGS bookings), kill -9 bot1 after ${KILL_AT} of the posts"
KILL_PID=${PID[bot1]} node deploy/scale-out/load.js load
for _ in $(seq 1 50); do kill -0 "${PID[bot1]}" 2>/dev/null || break; sleep 0.1; done

log "restarting bot1"
start_bot bot1
wait_ready bot1 300
node deploy/scale-out/load.js rejoin
BOT_URLS="http://127.0.0.1:$BOT1_PORT,http://127.0.0.1:$BOT2_PORT" node deploy/scale-out/load.js probe || log "the rate-limit probe failed (see above)"

# ------------------------------------------------------------------------------------------------ verdict
db_bookings >"$WORK/bookings.txt" || die "could not read the bookings from the database"
db_states >"$WORK/states.txt" || { log "could not read the conversation states (data-protection check skipped)"; rm -f "$WORK/states.txt"; }
for f in "$WORK"/bot*.log; do
  errors=$(grep -cE '^[0-9:. ]*(fail|crit):' "$f" || true)
  [ "$errors" -gt 0 ] && log "$(basename "$f"): $errors error entries, e.g. $(grep -E '^[0-9:. ]*(fail|crit):' "$f" | head -n 1 | cut -c1-220)"
done
set +e
DB_BOOKINGS_FILE="$WORK/bookings.txt" STATES_FILE="$WORK/states.txt" node deploy/scale-out/load.js report | tee "$WORK/summary.txt"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  if [ "$KEEP" = 1 ]; then log "FAILED (details: $WORK/result.json and the logs beside it)"; else log "FAILED (run with --keep to keep the logs and result.json)"; fi
fi
exit "$status"
