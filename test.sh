#!/usr/bin/env bash
# Runs every test of the portal, installing what the tests need first (a private RabbitMQ on loopback,
# Debian's Chromium for the browser tests).
#   1. installs Chromium, docker-compose and kubectl (Debian's kubernetes-client) if missing; starts
#      RabbitMQ (scripts/rabbitmq.sh; apt-get installs it) and wipes it;
#   2. builds the solution (warnings are errors);
#   3. checks that both providers' migrations match the model, that deploy/sql/portal-sqlserver.sql
#      is the idempotent script of the current migrations, and that the deployment files render
#      (docker-compose config, kubectl kustomize);
#   4. runs the unit and integration tests (real SQLite files, the MassTransit harness, real RabbitMQ);
#   5. ends with one line "N passed, N failed" (tests plus the checks of step 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"
export PORTAL_RABBITMQ_PORT="${PORTAL_RABBITMQ_PORT:-5679}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary_printed=false
cleanup() {
  local status=$?
  bash scripts/rabbitmq.sh stop >/dev/null 2>&1 || true
  if [[ $summary_printed == false ]]; then
    # Something before the tests failed (installing a package, starting RabbitMQ, the build): that is
    # a failure, and CI still reads its count from the last line.
    echo "test run stopped before the tests (exit code $status); see the messages above"
    echo "${checks_passed:-0} passed, $((${checks_failed:-0} + 1)) failed"
  fi
}
trap cleanup EXIT

# Debian's Chromium for the browser tests, docker-compose 1.29 and kubectl to validate deploy/.
missing_packages=()
[[ -x /usr/bin/chromium ]] || missing_packages+=(chromium)
command -v docker-compose >/dev/null || missing_packages+=(docker-compose)
command -v kubectl >/dev/null || missing_packages+=(kubernetes-client) # Debian's kubectl (1.20): renders deploy/k8s
if ((${#missing_packages[@]} > 0)); then
  sudo_cmd=()
  ((EUID == 0)) || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing_packages[@]}" >/dev/null
fi

bash scripts/rabbitmq.sh start
bash scripts/rabbitmq.sh reset

dotnet tool restore >/dev/null
dotnet build Portal.sln -nologo -v quiet -clp:ErrorsOnly

checks_passed=0
checks_failed=0
check() {
  local name="$1"
  shift
  if "$@" >"$results/check-$name.log" 2>&1; then
    echo "check passed: $name"
    checks_passed=$((checks_passed + 1))
  else
    echo "check FAILED: $name"
    sed 's/^/    /' "$results/check-$name.log" | tail -20
    checks_failed=$((checks_failed + 1))
  fi
}
ef() { dotnet ef "$@" --no-build --project src/Portal.Infrastructure --startup-project src/Portal.Infrastructure; }
sql_server_script_is_current() {
  ef migrations script --idempotent --context SqlServerPortalDbContext -o "$results/portal-sqlserver.sql" &&
    diff -u deploy/sql/portal-sqlserver.sql "$results/portal-sqlserver.sql"
}

check sqlite-migrations-match-model ef migrations has-pending-model-changes --context SqlitePortalDbContext
check sqlserver-migrations-match-model ef migrations has-pending-model-changes --context SqlServerPortalDbContext
check sqlserver-script-is-current sql_server_script_is_current

# Deployment files: no container engine or cluster here, so they are rendered, not run (deploy/README.md).
compose_config_renders() {
  docker-compose --project-directory deploy -f deploy/docker-compose.yml --env-file deploy/.env.example config \
    >"$results/docker-compose.rendered.yml" 2>"$results/docker-compose.stderr" || { cat "$results/docker-compose.stderr"; return 1; }
  cat "$results/docker-compose.stderr"
  # docker-compose only warns about a variable that is not set (blank); here it means .env.example lacks it.
  ! grep -q 'is not set' "$results/docker-compose.stderr"
}
k8s_manifests_render() {
  if ! command -v kubectl >/dev/null; then
    echo "kubectl is not installed: it renders deploy/k8s (kubectl kustomize); apt-get install kubernetes-client (Debian) or the Kubernetes project's own package."
    return 1
  fi
  kubectl kustomize deploy/k8s >"$results/k8s.yaml" &&
    kubectl kustomize deploy/k8s/migrate >"$results/k8s-migrate.yaml" || return 1
  # The files applied by hand (not in a kustomization) must render too.
  local optional="$results/k8s-optional"
  mkdir -p "$optional"
  cp deploy/k8s/secret.example.yaml deploy/k8s/rabbitmq-cluster.yaml "$optional/"
  printf 'resources:\n  - secret.example.yaml\n  - rabbitmq-cluster.yaml\n' >"$optional/kustomization.yaml"
  kubectl kustomize "$optional" >"$optional/rendered.yaml"
}

check compose-config compose_config_renders
check k8s-manifests k8s_manifests_render

set +e
dotnet test Portal.sln --no-build --blame-hang-timeout 5m --blame-hang-dump-type none --logger trx --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
test_exit=$?
set -e

# dotnet's own summary is not what CI reads: count the TRX files' results ourselves.
passed=$checks_passed
failed=$checks_failed
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if ((${#trx_files[@]} == 0)) || { ((test_exit != 0)) && ((failed == 0)); }; then
  # The test host crashed or found nothing: that is a failure even if no test reported one.
  failed=$((failed + 1))
fi

summary_printed=true
echo "$passed passed, $failed failed"
((failed == 0))
