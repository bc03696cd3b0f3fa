/** The texts of `fairpace --help` and `fairpace <command> --help`. */
import { MAX_COURIER_DAY_ROWS } from '../evidence/plan.ts';
import type { CommandName } from './args.ts';

const BATCH_OPTIONS = `  --arms A,B            arms to compare, by id (default: every arm of the scenario)
  --replications R      replications per arm (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr`;

const RUN_CONTROL = `
Batch options (compare, sweep, evidence, target --grid, sensitivity, zone, calibrate without --fit):
  --shard K/N           run only tasks K-1, K-1+N, K-1+2N, ... and write them as a partial result file to --out;
                        'fairpace merge' joins the N partials into the output of the whole command, byte for byte
  --progress json       one JSON line per finished task on stderr: {"task":12,"total":40,"elapsed":3.2}
  --max-memory SIZE     refuse, exit 2 and run nothing, when the estimated peak memory is above SIZE (e.g. 4G or
                        512M); target and calibrate --fit take it too, estimated at their most runs
  --cache DIR           keep each run in DIR and reuse the runs it holds (keyed by model fingerprint, scenario, arm
                        and seed: a changed model never reuses a run); default $FAIRPACE_CACHE_DIR, else
                        ~/.cache/fairpace/runs; output is byte for byte the same with or without it
  --no-cache            run everything, keep nothing (FAIRPACE_CACHE=off does the same for every command)
Before it starts, a run estimated to take over a minute or over 2 GiB says so on stderr: its runs, the wall time on
the threads it will use and the peak memory (an estimate from measurements on a 2-core machine; with --progress json,
a line {"estimate":{...}}). 'fairpace validate' prints the estimate of a compare with the scenario's defaults.`;

const GATE_OPTIONS = `
Gate options (the comparison becomes a pass/fail check for a pipeline):
  --assert "M[@ARM] OP V"
                        an arm's metric over replications, OP one of <=, >=, <, > (repeatable; default arm: the
                        last compared)
  --assert-diff "M OP V"
                        the paired difference, second arm − first (repeatable)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each assertion) or mean
  --junit FILE          also write JUnit XML, one test case per assertion
  With assertions, stdout carries a table of them (the comparison goes only to --out), and the exit code is 0 when
  every assertion holds, 1 when any fails, 2 for bad input.`;

const GENERAL = `fairpace — delivery-platform algorithm-fairness simulator

Usage:
  fairpace validate <scenario.json>
  fairpace run <scenario.json> [--seed N] [--arm ID] [--out FILE]
  fairpace compare <scenario.json> [--arms A,B] [--replications R] [--seed N] [--format json|table|csv] [--out FILE] [--workers N]
  fairpace compare <scenario.json> --assert "METRIC[@ARM] <= V" [--assert-diff "METRIC <= V"] [--junit FILE] [options]
  fairpace sweep <scenario.json> --param PATH (--values a,b,c | --from X --to Y --step S) [options of compare]
  fairpace evidence <scenario.json> [--arms A,B] [--replications R] [--seed N] [--workers N] [--include F,...] --out pack.zip
  fairpace verify <pack.zip> [--workers N]
  fairpace target <scenario.json> --param PATH --min X --max Y --target "METRIC <= V" [--target ...] [options]
  fairpace sensitivity <scenario.json> [--params p1,p2,...] [--arms A,B] [--replications R] [--format json|table]
  fairpace zone <scenario.json> --x PATH=a,b,... --y PATH=c,d,... --union "METRIC <= V" --platform "METRIC >= V" [options]
  fairpace calibrate <scenario.json> [--targets FILE] [--replications R] [--check] [--format table|json]
  fairpace calibrate <scenario.json> --fit PATH=lo:hi[,PATH=lo:hi...] --out fitted.json [options]
  fairpace robustness <scenario.json> [--worlds N] [--params p1,p2,...] [--arms A,B] [--format json|table]
  fairpace merge <partial>... --out FILE [--junit FILE]
  fairpace import mdrp <instance_dir> --out scenario.json
  fairpace import waybills <file.csv|.zip> [--day YYYYMMDD] [--area ID] --out scenario.json
  fairpace export mdrp <scenario.json> [--arm ID] [--seed N] --out <dir>
  fairpace observe waybills <file.csv|.zip> [--waves FILE] [--arm ID] [--out targets.json]
  fairpace observe trace <orders.csv> [--arm ID] [--out targets.json]
  fairpace audit riders <file.csv|.zip> --standards scenario.json|yantai-2021|tangshan-2022 [--online FILE] [--out audit.zip]

Commands:
  validate   check a scenario file and list each problem with its JSON path
  run        one replication of one arm, as JSON
  compare    arms side by side over replications, with paired differences and 95% intervals
  sweep      a comparison at each value of one numeric scenario parameter
  evidence   an evidence pack: a zip with the scenario, results, CSVs, charts, a bilingual report and digests
  verify     re-run an evidence pack's scenario and check every file and number in it
  target     the smallest (or largest) value of one parameter that meets every target, and what it costs
  sensitivity  how much each assumption moves the headline differences, ranked, with sign flips flagged
  zone       the zone of agreement: where both sides' limits hold over a grid of two parameters
  calibrate  the model against published figures, target by target; --fit searches parameters to match them
  robustness in how many plausible worlds (assumptions drawn from their ranges) each headline difference keeps its
             direction, where it fails, and which assumptions drive it
  merge      the output of a batch command run as shards (--shard K/N), from their partial result files
  import     import mdrp: a Grubhub MDRP instance folder as a replay scenario; import waybills: one day of a
             platform waybill file (TSL-Meituan layout) as a replay scenario
  export     export mdrp: one replay run as the three MDRP solution files
  observe    observe waybills: the figures of a platform waybill file that the model reports, as a targets file;
             observe trace: the same figures of the model's own order trace (run --orders)
  audit      audit riders: riders' own order records against the minimum wage and working-time limits

Options:
  --help, -h       help (also after a command: fairpace compare --help)
  --version, -V    the Fairpace version
  --shard K/N      (batch commands) run one share of the tasks; join the shares with fairpace merge
  --progress json  (batch commands and verify) one JSON line per finished task on stderr

Exit codes: 0 success, 2 bad input (file, field or argument), 1 internal error (FAIRPACE_DEBUG=1 shows the stack);
verify exits 1 when the pack differs from its re-run, compare --assert when an assertion fails.
Progress goes to stderr when it is a terminal; stdout carries only the result, so JSON can be piped.`;

const TEXTS: Record<CommandName, string> = {
  validate: `Usage: fairpace validate <scenario.json>

Prints "valid: <meta.name>" and exits 0, or prints one line per problem, "<json.path>: <message>", on stderr and
exits 2.`,
  calibrate: `Usage: fairpace calibrate <scenario.json> [--targets FILE] [--replications R] [--seed N] [--check]
                          [--format table|json] [--out FILE] [--workers N]
       fairpace calibrate <scenario.json> --fit PATH=lo:hi[,PATH=lo:hi...] [--max-evaluations N] --out fitted.json

Holds the model against observed figures: each target names a metric, the arm it describes and an observed range
(or value). One row per target: observed, the model's mean with its 95% interval over replications, and within,
below or above (by how much). A range is judged by the model mean; a single value by whether the interval covers it.

  --targets FILE        a targets file (default: scenarios/targets/china-2018-2023.json, the published figures of
                        Chinese food-delivery couriers)
  --check               exit 1 when any target is outside its range (0 when all are inside, 2 for bad input)
  --format F            table (default) or json
  --fit P=lo:hi,...     search these numeric scenario parameters within their bounds (Nelder–Mead on common random
                        numbers) to bring the targets inside their ranges; write the fitted scenario, with a
                        meta.calibration record, to --out, and print its calibration
  --max-evaluations N   with --fit: most scenario evaluations (default 40; each runs every target arm × replication)
${BATCH_OPTIONS.split('\n')
  .filter((l) => !l.includes('--arms'))
  .join('\n')}

Examples:
  fairpace calibrate scenarios/yantai-2021.json --check
  fairpace calibrate scenarios/demo-small.json --fit demand.ordersPerCourierDay=20:40 --out fitted.json`,
  run: `Usage: fairpace run <scenario.json> [--seed N] [--arm ID] [--out FILE]

One replication of one arm. Prints the run as JSON: schemaVersion, fairpaceVersion, scenarioDigest, seed, arm and the
metrics, per-day and per-hour series, ledger and compliance scorecard.

Options:
  --seed N              seed of the run (default: the scenario's "seed")
  --arm ID              arm to run (default: the first arm)
  --out FILE, -o FILE   write the result to FILE instead of stdout`,
  compare: `Usage: fairpace compare <scenario.json> [options]

Runs every arm with the same seeds (common random numbers) and reports each arm's mean metrics, its compliance
scorecard, and for every metric the paired difference (second arm − first arm) with a 95% t interval.

Options:
  --format F            json (default), table (readable, side by side) or csv (one row per metric)
  --no-bom              CSV without the UTF-8 byte-order mark that Excel and WPS need (for tools that dislike it)
  --precision P         add replications in rounds (3, then 2 more at a time, up to --replications) until each
                        headline difference's 95% interval is within ±P of its mean (0.1: ±10%); the output is
                        the comparison of the replications it stopped at, and stderr says how many and why
  --progress            (without a value) provisional answers on stderr: for 2, 3, ... seeds up to all but the
                        last, a line as soon as every arm is done for those seeds, with a few headline differences,
                        their 95% intervals and "provisional 3/10 replications"; stdout is the same as without it
${BATCH_OPTIONS}
${GATE_OPTIONS}
${RUN_CONTROL}

Examples:
  fairpace compare scenarios/yantai-2021.json --format table
  fairpace compare scenarios/yantai-2021.json --assert "earnings.shareBelowMinWage@median <= 0.05" \\
    --assert-diff "safety.speedingKmShare <= 0" --junit gate.xml --out comparison.json`,
  sweep: `Usage: fairpace sweep <scenario.json> --param PATH (--values a,b,c | --from X --to Y --step S) [options]

Runs a comparison at each value of one numeric scenario parameter. A rules.* parameter is set in the base rules and
in every arm.

Options:
  --param PATH          dotted scenario path, e.g. rules.deadline.percentile or rules.pay.base
  --values a,b,c        the values (write a negative first value as --values=-1,0,1)
  --from X --to Y --step S
                        the values X, X+S, ... up to Y
  --format F            json (default) or csv (one row per value and metric)
  --no-bom              CSV without the UTF-8 byte-order mark that Excel and WPS need (for tools that dislike it)
${BATCH_OPTIONS}
${RUN_CONTROL}

Example:
  fairpace sweep scenarios/demo-small.json --param rules.deadline.percentile --from 10 --to 50 --step 10`,
  evidence: `Usage: fairpace evidence <scenario.json> [options] --out pack.zip

Runs the comparison that 'fairpace compare' runs with the same options and writes an evidence pack: a zip holding
scenario.json (the full scenario, every default written out), results.json (the compare output), courier_days.csv
(one row per courier-day of every run), per_day.csv, compliance.csv (each CSV with a UTF-8 byte-order mark, for
Excel and WPS), tables.xlsx (the three tables as sheets, headed in Chinese and English), charts/*.svg, report.html (a
printable report in Chinese and English) and manifest.json (versions, the model fingerprint, seeds, the SHA-256 of
every file, one digest over scenario and results, and the command that makes the pack again). The same inputs always
give the same bytes.

Options:
  --out FILE, -o FILE   the zip to write (required)
  --arms A,B            arms to compare, by id (default: every arm of the scenario)
  --replications R      replications per arm (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); the pack is identical for any N
  --quiet, -q           no progress on stderr
  --include F1,F2       bargaining results (files written by 'fairpace target/sensitivity/zone --out') to carry
                        as bargaining/<name>.json, listed with their SHA-256 and summarised in report.html;
                        'fairpace verify' checks their digests but does not re-run them
${RUN_CONTROL}

A pack holds at most ${String(MAX_COURIER_DAY_ROWS).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} courier-day rows (couriers × days × replications × arms).

Example:
  fairpace evidence scenarios/yantai-2021.json --out yantai-pack.zip`,
  verify: `Usage: fairpace verify <pack.zip> [--workers N] [--quiet]

Checks an evidence pack: first its model fingerprint, then every file against the SHA-256 in its manifest, the digest
over scenario and results, and then re-runs the scenario with the pack's arms and seeds and makes every file again.
Prints "verified" and exits 0 when all of it matches; otherwise names each file and metric that differs and exits 1.
A pack made by another model (another fingerprint) is not re-run: one line names both fingerprints and the Fairpace
version to install, and the exit code is 1. A damaged or hostile zip
(bad CRC, unsafe or unexpected file names, absurd sizes, too many files, invalid JSON, a scenario the schema
refuses) exits 2 with a message. Works in memory and writes nothing to disk.

Options:
  --workers N           worker threads for the re-run (default: one per core)
  --quiet, -q           no progress on stderr
  --progress json       one JSON line per finished run on stderr`,
  target: `Usage: fairpace target <scenario.json> --param PATH --min X --max Y --target "METRIC OP V" [--target ...] [options]

Finds the smallest (or largest) value of one numeric parameter in [X, Y] at which one arm meets every target, over
replications with the same seeds at every value (common random numbers). It evaluates the bounds and three interior
points, bisects the bracket where feasibility switches once, and falls back to a grid scan (saying "monotone": false
and why) when it switches more than once. Prints JSON: param, value (null, with "no value in bounds meets the
targets", when none does), reached, targets (achieved mean and 95% interval), arm, monotone, steps and platformCost
(courier pay and margin per day at the value, and the paired change from the scenario's current value).

Options:
  --param PATH          dotted scenario path, e.g. rules.pay.base (a rules.* path is set in every arm)
  --min X --max Y       the bounds
  --target "M OP V"     a target on a metric path, OP one of <=, >=, <, > (repeatable; all must hold)
  --direction D         smallest (default) or largest
  --arm ID              arm whose metrics must meet the targets (default: the last arm)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each target) or mean
  --max-steps N         most values evaluated, bounds included (default 20)
  --tolerance T         stop bisecting when the bracket is this narrow (default (Y − X) / 1000)
  --precision P         fewer runs: a value runs on 3 seeds and gets more (2 at a time, up to R) only when its
                        targets' intervals are not yet on one side of their thresholds; regula falsi instead of
                        bisection; stop when the bracket is within P × (Y − X) or the answer meets its target by
                        less than its interval's half-width. The answer still runs on every seed; stderr says how
                        many runs were made and why it stopped (not with --grid)
  --grid N              instead of the search, evaluate N evenly spaced values from X to Y (both included) in one
                        batch, which --shard can split; "bracket" then spans the last failing and first passing value
  --replications R      replications per value (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
${RUN_CONTROL}

Example:
  fairpace target scenarios/yantai-2021.json --param rules.pay.base --min 6 --max 40 \\
    --target "earnings.shareBelowMinWage <= 0.05" --arm median`,
  sensitivity: `Usage: fairpace sensitivity <scenario.json> [options]

For a comparison of two arms, sets each parameter to its low and then its high value (one at a time, in every arm,
with the same seeds), recomputes the headline differences (second arm − first) and ranks the parameters by the
largest swing relative to the size of the base difference. Flags a parameter whose range flips the sign of a
difference whose base 95% interval excludes zero. By default it varies every parameter the parameter catalogue gives a
plausible range (src/scenario/catalogue/*.ts: assumptions, and two calibrated defaults), each over that range (e.g.
±20%).

Options:
  --params P,Q,...      parameter paths (the assumption's stated range, else ±20% of the scenario's value), or
                        path=low:high for an explicit range
  --arms A,B            the two arms (default: the scenario's first two)
  --format F            json (default) or table
  --replications R      replications per arm and value (default: the scenario's "replications")
  --precision P         screen every parameter on 3 seeds, then add 2 seeds at a time (up to --replications) only
                        to those whose place in the ranking or sign flip is in doubt, until each score is within
                        ±P (0.2 = ±20%) or cannot change place; says how many runs it made (no --shard)
  --seed N              first seed (default: the scenario's "seed")
  --workers N           worker threads (default: one per core)
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
${RUN_CONTROL}

Examples:
  fairpace sensitivity scenarios/yantai-2021.json --format table
  fairpace sensitivity scenarios/yantai-2021.json --precision 0.2 --format table`,
  robustness: `Usage: fairpace robustness <scenario.json> [options]

Draws N worlds from the ranges of the assumptions (the parameters docs/model.md marks as assumptions, with the ranges
sensitivity uses) by a seeded Latin hypercube, runs the two arms in each world on the same seeds, and reports for
each headline difference the share of worlds in which it keeps the direction it has in the scenario as written, with
a Wilson 95% interval and a verdict (holds: the interval is at least 90%; fails: at most 50%; else depends), whether
the first half of the worlds gives the same verdict, the region of the assumptions where it fails (a PRIM box, with
how many of the failures it holds) and first-order indices: the share of its spread over worlds each assumption
explains. World w runs seeds seed + w × R .. seed + w × R + R − 1, so worlds differ in their random days too.

Options:
  --worlds N            worlds to draw (default 100, 2 to 10000); 400 give a share to ±3 to ±5 points
  --params P,Q,...      the assumptions to vary (default: every assumption with a range)
  --arms A,B            the two arms (default: the scenario's first two)
  --replications R      seeds per world and arm (default 1)
  --seed N              first seed, and the sampler's (default: the scenario's "seed")
  --format F            json (default) or table
  --workers N           worker threads (default: one per core)
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
${RUN_CONTROL}

Examples:
  fairpace robustness scenarios/yantai-2021.json --worlds 100 --format table
  fairpace robustness scenarios/yantai-2021.json --worlds 400 --shard 1/2 --out part1.json`,
  zone: `Usage: fairpace zone <scenario.json> --x PATH=a,b,... --y PATH=c,d,... [--union "M OP V" ...] [--platform "M OP V" ...] [options]

Runs one arm at every cell of a grid of two numeric parameters (every cell with the same seeds, in one batch) and
says, per cell, whether the union's limits and the platform's limits hold. Prints JSON: cells (y outer, x inner) with
each limit metric, platform.margin and platform.courierPay (mean and 95% interval) and unionHolds / platformHolds /
agreed; current (the scenario's own values and their cell, when both are on the grid); cheapestForPlatform (the
union-acceptable cell with the highest margin); bestForUnion (the platform-acceptable cell best for --union-best).

Options:
  --x PATH=a,b,...      first parameter and its values (a rules.* path is set in every arm)
  --y PATH=c,d,...      second parameter and its values
  --union "M OP V"      a union limit, OP one of <=, >=, <, > (repeatable; all must hold)
  --platform "M OP V"   a platform limit (repeatable; all must hold)
  --union-best "M D"    how the union ranks cells: a metric and lower|higher (default
                        "earnings.shareBelowMinWage lower")
  --arm ID              arm run at every cell (default: the last arm)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each limit) or mean
  --replications R      replications per cell (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
${RUN_CONTROL}

Example:
  fairpace zone scenarios/yantai-2021.json --arm median --x rules.deadline.percentile=30,50,70 \\
    --y rules.pay.base=6,12,18,24 --union "earnings.shareBelowMinWage <= 0.05" --platform "platform.margin >= 0"`,
  merge: `Usage: fairpace merge <partial>... --out FILE [--junit FILE]

Joins the partial result files of a batch command run as shards (--shard 1/N ... --shard N/N, on one machine or
many) and writes the output the whole command would have written, byte for byte. It first checks that the partials
belong together: the same command, scenario, options and Fairpace version, every shard exactly once, each file
complete and undamaged. Any problem exits 2 with one line per problem, and nothing is written. A compare with
assertions prints its table of assertions and exits 1 when one fails, as the whole command would.

Options:
  --out FILE, -o FILE   where the merged result goes (for evidence: the pack)
  --junit FILE          JUnit XML of the assertions (a compare run with --assert)

Example:
  fairpace sweep s.json --param rules.pay.base --values 6,8,10 --shard 2/3 --out part-2.jsonl   # one per shard
  fairpace merge part-1.jsonl part-2.jsonl part-3.jsonl --out sweep.json`,
  import: `Usage: fairpace import mdrp <instance_dir> [--drop-implausible] --out scenario.json
       fairpace import waybills <file.csv|.zip> [--day YYYYMMDD] [--area ID] [--drop-implausible] --out scenario.json

import mdrp reads a Grubhub MDRP instance folder (restaurants.txt, orders.txt, couriers.txt,
instance_parameters.txt) and writes a replay scenario (kind "replay") holding it, with the MDRP pay rule as the pay
options. Malformed or implausible input exits 2 with one "<file>:<line>: <message>" per problem.

import waybills streams a platform waybill file in the layout of the INFORMS TSL-Meituan 2024 challenge data (a CSV,
or a zip holding one CSV) and writes one day of it as a replay scenario: an order per order_id (placement,
meal-ready estimate, restaurant and customer positions in metres on a local plane), a courier per courier_id who
accepted a waybill that day, online from 10 min before the first accept to 10 min after the last delivery. The
scenario records the file's SHA-256 in meta.sources, never its rows. The first malformed line stops it with
"<file>:<line>: <message>" and exit 2; nothing is written.

Options:
  --day YYYYMMDD        the day to import (the dt column); needed when the file holds more than one
  --area ID             only the waybills of this delivery area (the da_id column)
  --out FILE, -o FILE   the scenario file to write
  --drop-implausible    leave out rows no platform could have produced (a time outside its day, times out of
                        order, a stage longer than a day, a ride faster than any e-bike) and report how many
                        of each kind, on stdout and in the output's metadata; without it such a row exits 2
                        (for import mdrp too: an order or courier row)
  --quiet, -q           no progress on stderr`,
  observe: `Usage: fairpace observe waybills <file.csv|.zip> [--waves FILE] [--arm ID] [--peak-hours LIST] [--out targets.json]
       fairpace observe trace <orders.csv> [--arm ID] [--peak-hours LIST] [--out targets.json]

Streams a platform waybill file in the layout of the INFORMS TSL-Meituan 2024 challenge data (a CSV, or a zip
holding one CSV) and computes the figures the model also reports, each with the sample's 95% interval: click-to-door
minutes; promised minutes, overall and by distance band; on-time and late-over-8-min rates; accept-to-pickup and
pickup-to-door minutes; orders per wave; orders and online hours per courier-day; the bag at acceptance, by hour
and at the peak; waybills per order (refusals). The figures that have a model metric become a targets file for
'fairpace calibrate <scenario> --targets FILE'.

Without --out the targets file goes to stdout and the table of figures to stderr; with --out the table goes to
stdout. The first malformed line stops it with "<file>:<line>: <message>" and exit 2; nothing is written.

Options:
  --waves FILE          the courier-wave file (courier_id, wave_id, wave_start_time, wave_end_time, order_ids):
                        orders per wave as the platform counts them
  --arm ID              the arm the targets describe (default: median; for a trace, the trace's own arm)
  --peak-hours LIST     local hours of the peak for the bag size (default: 11,12,17,18, the scenario default)
  --out FILE, -o FILE   write the targets file to FILE
  --drop-implausible    leave out rows no platform could have produced (a time outside its day, times out of
                        order, a stage longer than a day, a ride faster than any e-bike) and report how many
                        of each kind, on stdout and in the output's metadata; without it such a row exits 2
  --quiet, -q           no progress on stderr

observe trace reads the order trace of 'fairpace run <scenario> --orders orders.csv' (times in seconds from the
midnight of day 0) and computes the same figures with the same definitions, so a model run is read with the
yardstick of real data: click-to-door; promised minutes, overall and by straight-line distance band; on-time and
late-over-8-min rates; accept-to-pickup and pickup-to-door minutes (mean, p10, p50, p90); the delivered share;
orders per wave (a courier's stretch from accepting with an empty bag until the bag is empty again); the bag at
acceptance, by hour and at the peak; orders and online hours per courier-day (online reckoned from the first accept
and last delivery, as for waybills). The table goes to stdout; --out also writes the targets file. A malformed line
stops it with "<file>:<line>: <message>" and exit 2; nothing is written.`,
  audit: `Usage: fairpace audit riders <records.csv|.zip> --standards scenario.json|yantai-2021|tangshan-2022
                            [--online FILE] [--salt-file FILE] [--arm ID] [--out audit.zip]

Audits riders' own order records (one row per order: rider_id, accepted_at, picked_up_at, delivered_at, km, pay_cny,
fine_cny, and optionally promised_at; ISO 8601 times with their UTC offset) per rider-day: net pay per online hour
(per engaged hour without --online) against the minimum wage, hours against the legal limits, the late share and the
fines share, each with a 95% interval clustered by rider. Rider ids are replaced by salted hashes; the salt stays in
--salt-file and no rider id appears in any output.

Without --out it prints the figures. With --out it writes a zip: report.html (bilingual, self-contained),
targets.json (the figures as a targets file for fairpace calibrate), rider_days.csv and audit.json.

Options:
  --standards S         where the minimum wage and working-time limits come from: a scenario file, or the preset
                        yantai-2021 or tangshan-2022
  --online FILE         riders' online time per day (rider_id, date, online_hours)
  --salt-file FILE      the salt of the rider-id hashes, made on first use (default: ${'fairpace-audit.salt'});
                        keep it to match hashes across audits, never share it
  --arm ID              the arm the targets describe (default: median)
  --out FILE, -o FILE   the audit zip to write
  --drop-implausible    leave out rows no platform could have produced (times out of order, a stage longer than
                        a day, a ride faster than any e-bike, online hours shorter than the hours spent on
                        orders) and report how many of each kind, on stdout and in the output's metadata;
                        without it such a row exits 2
  --quiet, -q           no progress on stderr`,
  export: `Usage: fairpace export mdrp <scenario.json> [--arm ID] [--seed N] --out <dir>

Replays one arm of a replay scenario with one seed and writes solution_info_assignments.txt,
solution_info_orders.txt and solution_info_couriers.txt (the MDRP solution format) into <dir>.

Options:
  --arm ID              arm to run (default: the first arm)
  --seed N              seed of the run (default: the scenario's "seed")
  --out DIR, -o DIR     the folder to write (created if missing)`,
};

/** The help text of the whole program or of one command. */
export function helpText(topic?: CommandName): string {
  return `${topic ? TEXTS[topic] : GENERAL}\n`;
}
