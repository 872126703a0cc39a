#!/usr/bin/env bash
# A throw-away single-node Ceph cluster serving S3 (RGW) on 127.0.0.1, for tests and the S3 demo mode.
# One monitor (msgr2 only), one memstore OSD (pool size 1, 1 PG), radosgw with the beast frontend, cephx on
# (auth none makes RGW loop on error -13). Every daemon runs in the foreground under our own PID file, so
# `stop` ends exactly the processes `start` began and nothing else.
#
#   scripts/ceph-rgw.sh start   # idempotent; prints the env file path; ready when GET / answers 200
#   scripts/ceph-rgw.sh env     # prints FORMARCHIVE_S3_* lines (source it: eval "$(scripts/ceph-rgw.sh env)")
#   scripts/ceph-rgw.sh stop    # stops the daemons by PID and deletes the cluster folder
#
# CEPH_RGW_DIR (default /tmp/formarchive-ceph), CEPH_RGW_PORT (default 7480), CEPH_MON_PORT (default 3300).
set -euo pipefail
DIR=${CEPH_RGW_DIR:-/tmp/formarchive-ceph}
PORT=${CEPH_RGW_PORT:-7480}
MON_PORT=${CEPH_MON_PORT:-3300}
CONF=$DIR/ceph.conf
ACCESS_KEY=formarchive-access
SECRET_KEY=formarchive-secret-key-for-tests-only

log() { echo "ceph-rgw: $*" >&2; }

need() {
  for tool in ceph-mon ceph-osd radosgw ceph ceph-authtool monmaptool radosgw-admin curl; do
    command -v "$tool" >/dev/null || { log "missing $tool (apt-get install radosgw ceph-mon ceph-osd ceph-common curl)"; exit 1; }
  done
}

alive() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)" = 200 ]; }

# Runs a daemon in the foreground of its own session; its PID goes to DIR/NAME.pid.
spawn() {
  local name=$1; shift
  setsid "$@" >"$DIR/log/$name.out" 2>&1 < /dev/null &
  echo $! >"$DIR/$name.pid"
}

write_env() {
  cat >"$DIR/env" <<ENV
FORMARCHIVE_S3_ENDPOINT=127.0.0.1:$PORT
FORMARCHIVE_S3_ACCESS_KEY=$ACCESS_KEY
FORMARCHIVE_S3_SECRET_KEY=$SECRET_KEY
ENV
}

start() {
  need
  if alive mon && alive osd && alive rgw && ready; then write_env; echo "$DIR/env"; return 0; fi
  stop_daemons
  rm -rf "$DIR"; mkdir -p "$DIR"/{log,run,mon/ceph-a,osd/ceph-0,rgw}
  local began=$SECONDS fsid osd_uuid
  fsid=$(cat /proc/sys/kernel/random/uuid); osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
ms bind msgr1 = false
ms bind msgr2 = true
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 1
osd pool default pgp num = 1
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 2147483648
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
keyring = $DIR/admin.keyring
mon data = $DIR/mon/ceph-\$id
osd data = $DIR/osd/ceph-\$id
[osd]
keyring = $DIR/osd/ceph-\$id/keyring
[client.rgw.a]
keyring = $DIR/rgw.keyring
# tcp_nodelay: else each response body waits ~40 ms for the client's delayed ACK (Nagle), 1 ms → 45 ms per small GET.
rgw frontends = beast endpoint=127.0.0.1:$PORT tcp_nodelay=1
rgw data = $DIR/rgw
CONF
  ceph-authtool --create-keyring "$DIR/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool --create-keyring "$DIR/admin.keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$DIR/mon.keyring" --import-keyring "$DIR/admin.keyring" >/dev/null
  monmaptool --create --addv a "[v2:127.0.0.1:$MON_PORT]" --fsid "$fsid" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/mon.keyring"
  spawn mon ceph-mon -c "$CONF" -f -i a

  ceph -c "$CONF" osd new "$osd_uuid" >/dev/null
  ceph -c "$CONF" auth get-or-create osd.0 mon 'allow profile osd' osd 'allow *' mgr 'allow profile osd' \
    -o "$DIR/osd/ceph-0/keyring"
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>"$DIR/log/osd-mkfs.out" >/dev/null
  spawn osd ceph-osd -c "$CONF" -f -i 0

  ceph -c "$CONF" auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' -o "$DIR/rgw.keyring"
  spawn rgw radosgw -c "$CONF" -f -n client.rgw.a
  for _ in $(seq 1 120); do
    ready && break
    alive rgw || { log "radosgw exited; see $DIR/log"; exit 1; }
    sleep 0.5
  done
  ready || { log "radosgw did not answer on 127.0.0.1:$PORT within 60 s; see $DIR/log"; exit 1; }
  radosgw-admin -c "$CONF" user create --uid=formarchive --display-name=FormArchive \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >/dev/null
  write_env
  log "ready on 127.0.0.1:$PORT in $((SECONDS - began)) s"
  echo "$DIR/env"
}

# Stops by PID only: first TERM, then KILL whatever is still there after 10 s.
stop_daemons() {
  local name pid
  for name in rgw osd mon; do
    [ -f "$DIR/$name.pid" ] || continue
    pid=$(cat "$DIR/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DIR/$name.pid"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop_daemons; rm -rf "$DIR" ;;
  env) [ -f "$DIR/env" ] || { log "not running (scripts/ceph-rgw.sh start)"; exit 1; }; sed 's/^/export /' "$DIR/env" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
