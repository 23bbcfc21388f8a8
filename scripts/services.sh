#!/usr/bin/env bash
# Starts the real services the test suite needs, on a Debian 12 machine without systemd, as root.
# Idempotent: a service that already answers is left alone. Fails loudly (non-zero exit, message on
# stderr) when a service cannot be installed or started: tests never skip because a service is absent.
#
#   scripts/services.sh                 start every service the suite needs
#   scripts/services.sh postgres ...    start only the ones named (postgres, rabbitmq, docker, prometheus)
#
# PostgreSQL: 127.0.0.1:5432, role quarterdeck/quarterdeck, databases quarterdeck_test (contract tests)
#   and quarterdeck_it (the Liberty server under test). Override with QUARTERDECK_PG_* if needed.
# RabbitMQ: amqp://guest:guest@127.0.0.1:5672 (management on 127.0.0.1:15672, guest works from localhost only).
# Docker Engine: unix:///var/run/docker.sock, started without iptables, bridge or overlay storage (all that works
#   in these VMs), so containers run with --network none; image local/busybox:1 built from Debian's busybox-static.
# Prometheus: 127.0.0.1:9090, lifecycle API on; it scrapes whatever target files the tests drop into
#   $QUARTERDECK_SERVICES_DIR/prometheus/targets/*.json (file_sd, re-read every 5 s), every 5 s.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PG_ROLE=${QUARTERDECK_PG_ROLE:-quarterdeck}
PG_PASS=${QUARTERDECK_PG_PASSWORD:-quarterdeck}
PG_DATABASES=${QUARTERDECK_PG_DATABASES:-"quarterdeck_test quarterdeck_it quarterdeck_bench"}
SERVICES_DIR=${QUARTERDECK_SERVICES_DIR:-/tmp/quarterdeck-services}

log() { echo "[services $(date +%T)] $*"; }
die() { echo "[services $(date +%T)] FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) for: $*"; fi
}

install_packages() {
  local need=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  [ ${#need[@]} -eq 0 ] && return 0
  log "installing ${need[*]} (Debian packages)"
  if ! as_root apt-get install -y -q "${need[@]}" >/tmp/quarterdeck-apt.log 2>&1; then
    as_root apt-get update -q >>/tmp/quarterdeck-apt.log 2>&1 || true
    as_root apt-get install -y -q "${need[@]}" >>/tmp/quarterdeck-apt.log 2>&1 \
      || die "apt-get install ${need[*]} failed; see /tmp/quarterdeck-apt.log"
  fi
}

start_postgres() {
  install_packages postgresql-15 postgresql-client-15
  if ! pg_lsclusters -h 2>/dev/null | awk '$1==15 && $2=="main"' | grep -q online; then
    pg_lsclusters -h 2>/dev/null | awk '$1==15 && $2=="main"' | grep -q . || as_root pg_createcluster 15 main >/dev/null
    as_root pg_ctlcluster 15 main start || die "pg_ctlcluster 15 main start"
  fi
  for _ in $(seq 1 60); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
  done
  as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 || die "PostgreSQL 15 does not answer"
  as_root su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$PG_ROLE'\"" | grep -q 1 \
    || as_root su postgres -c "psql -q -c \"create role $PG_ROLE login password '$PG_PASS'\"" >/dev/null
  for db in $PG_DATABASES; do
    as_root su postgres -c "psql -qtAc \"select 1 from pg_database where datname='$db'\"" | grep -q 1 \
      || as_root su postgres -c "psql -q -c 'create database $db owner $PG_ROLE'" >/dev/null
  done
  PGPASSWORD=$PG_PASS psql -h 127.0.0.1 -U "$PG_ROLE" -d "${PG_DATABASES%% *}" -qtAc 'select 1' >/dev/null \
    || die "cannot log in to PostgreSQL as $PG_ROLE over TCP"
  log "postgresql 15 up on 127.0.0.1:5432 (role $PG_ROLE; databases $PG_DATABASES)"
}

start_rabbitmq() {
  install_packages rabbitmq-server
  if ! as_root rabbitmqctl -q await_startup --timeout 2 >/dev/null 2>&1; then
    as_root rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
    as_root rabbitmq-server -detached || die "rabbitmq-server -detached"
    # await_startup exits at once while the node is not registered yet: poll it
    for _ in $(seq 1 120); do
      as_root rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1 && break
      sleep 0.5
    done
  fi
  as_root rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1 \
    || die "RabbitMQ does not answer; see /var/log/rabbitmq/"
  log "rabbitmq up on amqp://127.0.0.1:5672 (guest/guest), management http://127.0.0.1:15672"
}

start_docker() {
  install_packages docker.io busybox-static
  if ! docker version >/dev/null 2>&1; then
    mkdir -p "$SERVICES_DIR"
    as_root nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
      >"$SERVICES_DIR/dockerd.log" 2>&1 &
    for _ in $(seq 1 120); do docker version >/dev/null 2>&1 && break; sleep 0.25; done
  fi
  docker version >/dev/null 2>&1 || die "dockerd does not answer; see $SERVICES_DIR/dockerd.log"
  if ! docker image inspect local/busybox:1 >/dev/null 2>&1; then
    local root; root=$(mktemp -d)
    mkdir -p "$root/bin" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/etc"
    cp /bin/busybox "$root/bin/"
    for c in $("$root/bin/busybox" --list); do [ "$c" = busybox ] || ln -sf busybox "$root/bin/$c"; done
    echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"; echo 'root:x:0:' >"$root/etc/group"
    tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - local/busybox:1 >/dev/null \
      || die "docker import of local/busybox:1"
    rm -rf "$root"
  fi
  log "dockerd up ($(docker version --format '{{.Server.Version}} API {{.Server.APIVersion}}')) on unix:///var/run/docker.sock; image local/busybox:1; run containers with --network none"
}

start_prometheus() {
  install_packages prometheus
  local dir="$SERVICES_DIR/prometheus"
  mkdir -p "$dir/data" "$dir/targets"
  if ! curl -fsS 127.0.0.1:9090/-/ready >/dev/null 2>&1; then
    cat >"$dir/prometheus.yml" <<EOF
global: {scrape_interval: 5s, evaluation_interval: 5s}
scrape_configs:
  - job_name: quarterdeck
    metrics_path: /metrics
    file_sd_configs: [{files: ['$dir/targets/*.json'], refresh_interval: 5s}]
EOF
    nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
      --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle >"$dir/prometheus.log" 2>&1 &
    for _ in $(seq 1 100); do curl -fsS 127.0.0.1:9090/-/ready >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  curl -fsS 127.0.0.1:9090/-/ready >/dev/null 2>&1 || die "Prometheus does not answer; see $dir/prometheus.log"
  log "prometheus up on http://127.0.0.1:9090; scrape targets from $dir/targets/*.json"
}

services=("$@")
[ ${#services[@]} -eq 0 ] && services=(postgres rabbitmq docker prometheus)
for s in "${services[@]}"; do
  case "$s" in
    postgres) start_postgres ;;
    rabbitmq) start_rabbitmq ;;
    docker) start_docker ;;
    prometheus) start_prometheus ;;
    *) die "unknown service '$s' (known: postgres rabbitmq docker prometheus)" ;;
  esac
done
