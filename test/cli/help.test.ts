// The help comes from the same table as the parser (src/cli/commandTable.ts): every command in it has its usage and
// summary in `fairpace --help` and its own help, and every option a command accepts is explained in that help.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { BATCH_NAMES } from '../../src/cli/batchNames.ts';
import { COMMAND_TABLE, COMMANDS } from '../../src/cli/commandTable.ts';
import { helpText } from '../../src/cli/help.ts';
import { RUN_CONTROL_OPTIONS } from '../../src/cli/runControl.ts';

/** Options accepted but not yet explained in the command's help; the list may only shrink. */
const UNDOCUMENTED: Partial<Record<(typeof COMMANDS)[number], readonly string[]>> = {
  run: ['orders', 'no-bom'],
  calibrate: ['shard', 'progress', 'max-memory', 'cache', 'no-cache'],
};

describe('fairpace --help', () => {
  const general = helpText();

  it('lists every command of the table, in its order, with its usage lines and summary', () => {
    let from = 0;
    for (const name of COMMANDS) {
      const { usage, summary } = COMMAND_TABLE[name];
      for (const line of usage) {
        const at = general.indexOf(`\n  ${line}\n`);
        expect(at, `${name}: ${line}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
      expect(general).toMatch(new RegExp(`\\n  ${name} +${summary[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    }
  });

  it('gives each command its own help, and reads `<command> --help` whatever else is on the line', () => {
    for (const name of COMMANDS) {
      expect(helpText(name)).toMatch(new RegExp(`^Usage: fairpace ${name}\\b`));
      expect(parseCommandLine([name, '--help'])).toEqual({ kind: 'help', topic: name });
    }
  });

  it("explains every option a command accepts in the command's help", () => {
    for (const name of COMMANDS) {
      const batch = (BATCH_NAMES as readonly string[]).includes(name);
      const options = { ...COMMAND_TABLE[name].options, ...(batch ? RUN_CONTROL_OPTIONS : {}) };
      const unexplained = Object.keys(options).filter(
        (option) => option !== 'help' && !new RegExp(`--${option}\\b`).test(COMMAND_TABLE[name].help),
      );
      expect(unexplained, name).toEqual(UNDOCUMENTED[name] ?? []);
    }
  });
});
