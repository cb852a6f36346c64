#!/usr/bin/env bash
# Private RabbitMQ broker on loopback for the test suite.
#
#   scripts/rabbitmq.sh start    install rabbitmq-server if missing, start the
#                                node (no-op if already up), wait until ready
#   scripts/rabbitmq.sh stop     stop the node and the epmd it started
#   scripts/rabbitmq.sh status   exit 0 if the node answers, non-zero if not
#   scripts/rabbitmq.sh ctl ...  rabbitmqctl against the private node (e.g. list_queues)
#
# Environment:
#   PORTAL_RABBITMQ_PORT  AMQP port (default 5679). The Erlang distribution
#                         port is PORT+20000 and the private epmd PORT+10000.
#   PORTAL_RABBITMQ_DIR   state folder (default <repo>/.test-env/rabbitmq):
#                         Erlang cookie, Mnesia/quorum data, logs, config.
#
# The broker speaks AMQP 0-9-1 on 127.0.0.1:PORT, user guest / password guest.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$script_dir")"

port="${PORTAL_RABBITMQ_PORT:-5679}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port + 20000 > 65535)); then
  echo "rabbitmq: PORTAL_RABBITMQ_PORT must be a number in 1..45535 (got '$port')" >&2
  exit 2
fi
epmd_port=$((port + 10000))
dist_port=$((port + 20000))
state_dir="${PORTAL_RABBITMQ_DIR:-$repo_root/.test-env/rabbitmq}"
node_name="portaltest@localhost"

# Call the real scripts, not Debian's /usr/sbin/rabbitmq-* wrappers: those
# re-exec as the 'rabbitmq' user, which cannot write to our root-owned state
# folder, and they would also pick up the system node's settings.
rmq_bin=/usr/lib/rabbitmq/bin

log() { echo "rabbitmq: $*"; }
die() { echo "rabbitmq: $*" >&2; exit 1; }

install_if_missing() {
  [[ -x "$rmq_bin/rabbitmq-server" && -x "$rmq_bin/rabbitmqctl" ]] && return 0
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "rabbitmq-server is not installed and we are neither root nor have sudo"
    sudo=(sudo)
  fi
  log "installing rabbitmq-server with apt-get"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server
  [[ -x "$rmq_bin/rabbitmq-server" ]] || die "rabbitmq-server installed but $rmq_bin/rabbitmq-server is missing"
}

# Everything the node and rabbitmqctl need, kept under $state_dir so the
# broker never touches /var/lib/rabbitmq, /etc/rabbitmq or a system node.
setup_env() {
  mkdir -p "$state_dir"
  state_dir="$(cd "$state_dir" && pwd)" # absolute: we cd into it later
  mkdir -p "$state_dir/home" "$state_dir/mnesia" "$state_dir/log"

  # The Erlang cookie lives in $HOME. Create it ourselves (random, mode 400)
  # so the node and every rabbitmqctl call agree on it from the first run,
  # instead of racing to let each VM generate one.
  local cookie="$state_dir/home/.erlang.cookie"
  if [[ ! -s "$cookie" ]]; then
    # od reads a fixed amount, so no SIGPIPE trips pipefail (unlike tr|head).
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$cookie")
    chmod 400 "$cookie"
  fi

  # loopback_users = none: let guest log in over TCP (it is loopback anyway).
  # The listener address/port come from RABBITMQ_NODE_IP_ADDRESS/_PORT below.
  echo 'loopback_users = none' >"$state_dir/rabbitmq.conf"
  # No plugins: no management/prometheus listeners on other ports.
  echo '[].' >"$state_dir/enabled_plugins"
  # Empty on purpose: rabbitmq-env would otherwise source the system's
  # /etc/rabbitmq/rabbitmq-env.conf.
  : >"$state_dir/rabbitmq-env.conf"

  export HOME="$state_dir/home"
  export RABBITMQ_NODENAME="$node_name"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$port"
  export RABBITMQ_DIST_PORT="$dist_port"
  export RABBITMQ_MNESIA_BASE="$state_dir/mnesia"
  export RABBITMQ_LOG_BASE="$state_dir/log"
  export RABBITMQ_CONFIG_FILE="$state_dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$state_dir/advanced.config" # absent = none
  export RABBITMQ_CONF_ENV_FILE="$state_dir/rabbitmq-env.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$state_dir/enabled_plugins"
  export RABBITMQ_PID_FILE="$state_dir/rabbitmq.pid"
  # A private epmd, bound to loopback, on its own port: never clashes with
  # (or registers into) a system epmd on 4369. Node and CLI must both see it.
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$epmd_port"
  # Distribution listeners (the node's and each rabbitmqctl VM's) default to
  # all interfaces; pin them to loopback.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  # A crashing VM writes erl_crash.dump into its cwd; keep it with our state.
  export ERL_CRASH_DUMP="$state_dir/log/erl_crash.dump"
}

ctl() { "$rmq_bin/rabbitmqctl" "$@"; }

# Every rabbitmqctl call spawns an epmd on our port if none is running (and
# '-start_epmd false' does not prevent it), so a bare 'status' on a stopped
# node would leave a stray epmd behind. Without our epmd the node cannot be
# registered, i.e. it is not running: ask rabbitmqctl only when epmd is up.
node_answers() { [[ -n "$(epmd_pids)" ]] && ctl -q "${1:-ping}" >/dev/null 2>&1; }

# PIDs of processes whose name is $1 and whose environment contains all the
# given VAR=value lines. rabbitmq 3.10 starts distribution from inside the VM,
# so the node name is not on the beam command line; the environment we gave
# it (and which erl passes on to the epmd it spawns) identifies our processes.
pids_with_env() {
  local name="$1" pid env want ok
  shift
  for pid in /proc/[0-9]*; do
    pid="${pid#/proc/}"
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]] || continue
    env="$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ")" || continue
    ok=1
    for want in "$@"; do
      grep -qxF -- "$want" <<<"$env" || { ok=0; break; }
    done
    ((ok)) && echo "$pid"
  done
  return 0
}

beam_pids() {
  pids_with_env beam.smp "RABBITMQ_MNESIA_BASE=$RABBITMQ_MNESIA_BASE" "RABBITMQ_NODE_PORT=$port"
}
epmd_pids() { pids_with_env epmd "ERL_EPMD_PORT=$epmd_port"; }

show_logs() {
  local f
  for f in "$RABBITMQ_LOG_BASE"/*.log "$state_dir/start.out"; do
    [[ -s "$f" ]] || continue
    echo "----- last 50 lines of $f -----" >&2
    tail -n 50 "$f" >&2
  done
}

cmd_start() {
  install_if_missing
  setup_env
  if node_answers; then
    # Up already (maybe still booting from a concurrent start): just wait.
    ctl -q await_startup --timeout 60 >/dev/null 2>&1 || { show_logs; die "node is up but the broker did not finish booting"; }
    log "already running on 127.0.0.1:$port"
    return 0
  fi
  # Leftovers of a node that was killed (beam still exiting, stale epmd) would
  # make the new node fail with "name already in use"; clear them first.
  stop_processes

  local t0=$SECONDS
  # Start from inside the state dir so nothing the VM drops in its cwd lands
  # in the repo. -detached returns immediately; output goes to start.out.
  (cd "$state_dir" && "$rmq_bin/rabbitmq-server" -detached) >"$state_dir/start.out" 2>&1 \
    || { show_logs; die "rabbitmq-server -detached failed"; }

  # await_startup fails at once while the node is not yet registered in epmd,
  # so retry it until the deadline. Bail out early if the VM has died (e.g.
  # port already in use) rather than waiting out the full minute.
  local deadline=$((SECONDS + 60))
  until ctl -q await_startup --timeout 10 >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      show_logs
      stop_processes
      die "broker not ready after 60 s"
    fi
    if ((SECONDS - t0 >= 5)) && [[ -z "$(beam_pids)" ]]; then
      show_logs
      stop_processes
      die "broker VM exited during startup"
    fi
    sleep 1
  done
  log "ready on 127.0.0.1:$port ($((SECONDS - t0)) s)"
}

# Kill our beam (if any) and our private epmd by PID. Only processes carrying
# our state dir / port in their environment are touched.
stop_processes() {
  local pids i
  for i in $(seq 1 30); do
    pids="$(beam_pids)"
    [[ -z "$pids" ]] && break
    # Give a graceful stop a few seconds before escalating.
    if ((i == 5)); then
      # shellcheck disable=SC2086 # one PID per word
      kill -TERM $pids 2>/dev/null || true
    elif ((i == 20)); then
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
    sleep 1
  done
  [[ -z "$(beam_pids)" ]] || die "could not kill the broker VM: $(beam_pids | tr '\n' ' ')"
  # epmd outlives the node (rabbitmqctl stop does not end it), so end it here.
  pids="$(epmd_pids)"
  if [[ -n "$pids" ]]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
  fi
  rm -f "$RABBITMQ_PID_FILE"
}

cmd_stop() {
  # Without rabbitmq installed there is nothing of ours to stop.
  [[ -x "$rmq_bin/rabbitmqctl" ]] || return 0
  setup_env
  [[ -z "$(epmd_pids)" ]] || ctl -q stop >/dev/null 2>&1 || true
  stop_processes
  log "stopped"
}

cmd_status() {
  [[ -x "$rmq_bin/rabbitmqctl" ]] || { log "not installed"; return 1; }
  setup_env
  if node_answers status; then
    log "running on 127.0.0.1:$port"
  else
    log "not running"
    return 1
  fi
}

# Wipes every queue, exchange and message, so a test run never consumes what an earlier run left behind.
cmd_reset() {
  setup_env
  node_answers || die "not running"
  ctl -q stop_app >/dev/null
  ctl -q reset >/dev/null
  ctl -q start_app >/dev/null
  log "reset"
}

case "${1:-}" in
  start) cmd_start ;;
  reset) cmd_reset ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  ctl) shift; setup_env; ctl "$@" ;;
  *)
    echo "usage: $0 start|reset|stop|status|ctl <rabbitmqctl arguments>" >&2
    exit 2
    ;;
esac
