/**
 * The texts of `fairpace --help` and `fairpace <command> --help`, from the table of commands: the program's usage
 * and command lists gather each command's own lines, and a command's help is its spec's.
 */
import { COMMAND_TABLE, COMMANDS, type CommandName } from './commandTable.ts';

const TITLE = 'fairpace — delivery-platform algorithm-fairness simulator';

/** The end of `fairpace --help`: the options of every command, exit codes and where output goes. */
const GENERAL_OPTIONS = `Options:
  --help, -h       help (also after a command: fairpace compare --help)
  --version, -V    the Fairpace version
  --shard K/N      (batch commands) run one share of the tasks; join the shares with fairpace merge
  --progress json  (batch commands and verify) one JSON line per finished task on stderr

Exit codes: 0 success, 2 bad input (file, field or argument), 1 internal error (FAIRPACE_DEBUG=1 shows the stack);
verify exits 1 when the pack differs from its re-run, compare --assert when an assertion fails.
Progress goes to stderr when it is a terminal; stdout carries only the result, so JSON can be piped.`;

/** A command's name in the command list: a column 11 wide, and two spaces after a name that fills it. */
const nameColumn = (name: string) => (name.length < 11 ? name.padEnd(11) : `${name}  `);

/** `fairpace --help`: every command's usage lines, then every command with its summary, then the common options. */
function generalHelp(): string {
  const usage = COMMANDS.flatMap((name) => COMMAND_TABLE[name].usage.map((line) => `  ${line}`));
  const commands = COMMANDS.flatMap((name) =>
    COMMAND_TABLE[name].summary.map((line, i) =>
      i === 0 ? `  ${nameColumn(name)}${line}` : `${' '.repeat(13)}${line}`,
    ),
  );
  return `${TITLE}\n\nUsage:\n${usage.join('\n')}\n\nCommands:\n${commands.join('\n')}\n\n${GENERAL_OPTIONS}`;
}

/** The help text of the whole program or of one command. */
export function helpText(topic?: CommandName): string {
  return `${topic ? COMMAND_TABLE[topic].help : generalHelp()}\n`;
}
