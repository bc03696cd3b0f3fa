#!/usr/bin/env bash
# A rule-change gate for any CI system: compare the current rules with the proposal and fail the job when the
# proposal breaks a guarantee. Run it from the repository after `npm ci`:
#   SCENARIO=proposal.json bash docs/ci/rule-change-gate.sh
# It exits 0 when every assertion holds, 1 when one fails and 2 for bad input, and leaves reports/fairpace-gate.xml
# (JUnit, one test case per assertion) and reports/comparison.json for the CI system to keep ($REPORTS moves them).
set -euo pipefail

scenario=${SCENARIO:-scenarios/yantai-2021.json}
reports=${REPORTS:-reports}
mkdir -p "$reports"
npx fairpace compare "$scenario" --arms "${ARMS:-strictest,median}" --replications "${REPLICATIONS:-10}" --seed 1 \
  --assert "earnings.shareBelowMinWage <= 0.05" \
  --assert "workload.shareOverLegalLimit <= 0.01" \
  --assert-diff "safety.speedingKmShare <= 0" \
  --assert-diff "earnings.netPerOnlineHour.mean >= 0" \
  --junit "$reports/fairpace-gate.xml" --out "$reports/comparison.json"
