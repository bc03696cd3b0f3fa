#!/bin/bash
# A Fairpace sweep as a Slurm job array: array task K of N runs shard K/N and writes results/part-K.jsonl.
# Submit from a directory every node sees (the README, "More than one machine", has the merge step):
#   jobid=$(sbatch --parsable docs/cluster/slurm-sweep.sh)
#   sbatch --dependency=afterok:$jobid --wrap 'fairpace merge results/part-*.jsonl --out sweep.json'
#SBATCH --job-name=fairpace-sweep
#SBATCH --array=1-3
#SBATCH --cpus-per-task=4
set -euo pipefail

scenario=${SCENARIO:-scenarios/yantai-2021.json}
mkdir -p results
fairpace sweep "$scenario" --param rules.pay.base --from 6 --to 30 --step 2 \
  --replications "${REPLICATIONS:-10}" --workers "${SLURM_CPUS_PER_TASK:-1}" --progress json \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" --out "results/part-${SLURM_ARRAY_TASK_ID}.jsonl"
