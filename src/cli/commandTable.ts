/**
 * Every command of the `fairpace` command line, in the order `fairpace --help` lists them: the table that parsing
 * (args.ts) and help (help.ts) both read. A command is one spec in its parser module and one entry here; the record
 * is typed by the list of names, so a command without a spec fails to compile.
 */
import { BACKTEST, type BacktestCommand } from './backtestArgs.ts';
import { CALIBRATE, type CalibrateCommand } from './calibrateArgs.ts';
import { SENSITIVITY, TARGET, type SensitivityCommand, type TargetCommand } from './bargainingArgs.ts';
import type { CommandSpec } from './commandSpec.ts';
import { COMPARE, SWEEP, type CompareCommand, type SweepCommand } from './compareArgs.ts';
import {
  AUDIT,
  IMPORT,
  OBSERVE,
  type AuditRidersCommand,
  type ImportWaybillsCommand,
  type ObserveTraceCommand,
  type ObserveWaybillsCommand,
} from './dataArgs.ts';
import { EXPORT, type ExportMdrpCommand, type ImportMdrpCommand } from './mdrpArgs.ts';
import { MERGE, type MergeCommand } from './mergeArgs.ts';
import { EVIDENCE, VERIFY, type EvidenceCommand, type VerifyCommand } from './packArgs.ts';
import { ROBUSTNESS, type RobustnessCommand } from './robustnessArgs.ts';
import { RUN, VALIDATE, type RunCommand, type ValidateCommand } from './runArgs.ts';
import { ZONE, type ZoneCommand } from './zoneArgs.ts';

/** The subcommands, in the order the help lists them. */
export const COMMANDS = [
  'validate',
  'run',
  'compare',
  'sweep',
  'evidence',
  'verify',
  'target',
  'sensitivity',
  'zone',
  'calibrate',
  'robustness',
  'backtest',
  'merge',
  'import',
  'export',
  'observe',
  'audit',
] as const;
/** A subcommand's name. */
export type CommandName = (typeof COMMANDS)[number];

/** `--help`, for the program or one command. */
export interface HelpCommand {
  kind: 'help';
  topic?: CommandName;
}
/** `--version`. */
export interface VersionCommand {
  kind: 'version';
}

/** A subcommand's parsed command line. */
export type SubCommand =
  | ValidateCommand
  | RunCommand
  | CompareCommand
  | SweepCommand
  | EvidenceCommand
  | VerifyCommand
  | TargetCommand
  | SensitivityCommand
  | ZoneCommand
  | RobustnessCommand
  | BacktestCommand
  | CalibrateCommand
  | MergeCommand
  | ImportMdrpCommand
  | ExportMdrpCommand
  | ImportWaybillsCommand
  | ObserveWaybillsCommand
  | ObserveTraceCommand
  | AuditRidersCommand;

/** A parsed command line. */
export type Command = HelpCommand | VersionCommand | SubCommand;

/** Every subcommand's spec, by name. */
export const COMMAND_TABLE: Record<CommandName, CommandSpec<SubCommand>> = {
  validate: VALIDATE,
  run: RUN,
  compare: COMPARE,
  sweep: SWEEP,
  evidence: EVIDENCE,
  verify: VERIFY,
  target: TARGET,
  sensitivity: SENSITIVITY,
  zone: ZONE,
  calibrate: CALIBRATE,
  robustness: ROBUSTNESS,
  backtest: BACKTEST,
  merge: MERGE,
  import: IMPORT,
  export: EXPORT,
  observe: OBSERVE,
  audit: AUDIT,
};
