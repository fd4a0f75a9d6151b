#!/usr/bin/env bash
# Serve the demo with gunicorn (2 workers, DEBUG off) and load the seed post with wrk,
# first with the page cache off, then on. Prints req/s, p50 and p99. Measures; asserts nothing.
#   bench/public_site.sh [seconds]      (needs Debian's wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT="${PORT:-8077}"
command -v wrk >/dev/null || { echo "bench/public_site.sh: wrk is missing; apt-get install -y wrk" >&2; exit 2; }
HOME_DIR="$(mktemp -d /tmp/litopys-bench-site-XXXX)"
export LITOPYS_HOME="$HOME_DIR" LITOPYS_DEBUG=0
unset DATABASE_URL
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
.venv/bin/litopys demo --no-serve >/dev/null
URL="http://127.0.0.1:$PORT/posts/izium-balakliia-war-crimes/"

run() {
    local label="$1" cache="$2"
    LITOPYS_PAGE_CACHE="$cache" .venv/bin/python -m gunicorn litopys.core.wsgi:application \
        --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
    local pid=$!
    for _ in $(seq 1 50); do curl -sf -o /dev/null "$URL" && break; sleep 0.2; done
    curl -sf -o /dev/null "$URL" || { echo "the server did not answer $URL" >&2; exit 1; }
    for _ in 1 2 3; do curl -s -o /dev/null "$URL"; done   # warm up
    local out
    out="$(wrk -t2 -c32 -d"${DURATION}s" --latency "$URL")"
    local rps p50 p99 errors
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
    p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
    printf '%-22s %10s req/s   p50 %8s   p99 %8s  %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "seed post: $URL  (wrk -t2 -c32 -d${DURATION}s, gunicorn 2 workers, DEBUG off)"
run "page cache off" 0
run "page cache on" 300
echo "targets: uncached >= 900 req/s (10x WordPress 6.1), cached >= 4000 req/s"
