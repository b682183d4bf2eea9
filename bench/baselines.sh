#!/usr/bin/env bash
# Side-by-side sentiment baselines from npm on the same data as Luister's models (not part of the test suite).
# Installs vader-sentiment, sentiment (AFINN) and natural into bench/.baselines (git-ignored) and prints
# accuracy, macro-recall and macro-F1 on the TweetEval val split, the held-out Dutch headlines (ids ending in 0)
# and Luister's own Dutch customer messages.
#   bench/baselines.sh [DATA_DIR]     (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
dir=bench/.baselines
mkdir -p "$dir"
if [ ! -d "$dir/node_modules/natural" ] || [ ! -d "$dir/node_modules/vader-sentiment" ] || [ ! -d "$dir/node_modules/sentiment" ]; then
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error vader-sentiment sentiment natural >&2
fi
DOTENV_CONFIG_QUIET=true NODE_PATH="$dir/node_modules" node bench/baselines.cjs "$data" src/test/resources/enrich/nl-customer-messages.tsv
