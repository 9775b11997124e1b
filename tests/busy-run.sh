#!/usr/bin/env bash
# Runs the Pester suite RUNS times (default 1) while busy loops (`sh -c 'while :; do :; done'`, one per
# core unless BUSY_LOOPS says otherwise) take the machine's cores, as on a loaded CI machine; prints
# the wall time and counts of each run. The loops are started here and ended here, by pid, also when a
# run fails or the script is interrupted.
#
#   tests/busy-run.sh [RUNS] [build.ps1 arguments...]     e.g. tests/busy-run.sh 3
#                                                         or  tests/busy-run.sh 1 -Tag Harness
#
# Each run is `dotnet pwsh ./build.ps1 -Task Test -Scope Pester` (build included); its whole output
# goes to out/busy-run-N.log. Exit status 1 when any run had a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-1}
shift || true
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "busy-run.sh: RUNS must be a positive number, not '$runs'" >&2; exit 2; }
loops=${BUSY_LOOPS:-$(nproc)}

busy_pids=()
stop_loops() {
    local pid
    for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${busy_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    busy_pids=()
}
trap stop_loops EXIT
trap 'exit 130' INT TERM

dotnet tool restore >/dev/null
for _ in $(seq 1 "$loops"); do
    sh -c 'while :; do :; done' &
    busy_pids+=("$!")
done
echo "busy-run.sh: $loops busy loops (pids ${busy_pids[*]}) on $(nproc) cores; $runs run(s) of the Pester suite"

mkdir -p out
status=0
summary=()
for run in $(seq 1 "$runs"); do
    log="out/busy-run-$run.log"
    started=$SECONDS
    code=0
    dotnet pwsh ./build.ps1 -Task Test -Scope Pester "$@" >"$log" 2>&1 || code=$?
    took=$(( SECONDS - started ))
    counts=$(grep -aoE 'pester: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -n 1 || true)
    pester_time=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -aoE 'Tests completed in [0-9.]+s' | tail -n 1 || true)
    line=$(printf 'run %d: wall %dm%02ds, %s (%s), exit %d, log %s' "$run" $((took / 60)) $((took % 60)) \
        "${counts:-no counts}" "${pester_time:-no Pester time}" "$code" "$log")
    echo "$line"
    summary+=("$line")
    [ "$code" -eq 0 ] || status=1
done

stop_loops
echo "busy-run.sh: done"
printf '%s\n' "${summary[@]}"
exit $status
