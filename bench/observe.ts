/**
 * The waybill observation case of `npm run bench`: `generate <file> [rows]` writes a waybill file in the TSL-Meituan
 * layout (600,000 rows by default; test/io/waybillFixtures.ts), and `run <file>` observes it through the CLI's own
 * entry in this process, printing one JSON line with the wall time and the peak memory of the process.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { generateWaybills } from '../test/io/waybillFixtures.ts';

const [mode, file, rowsArg] = process.argv.slice(2);
if (!file || (mode !== 'generate' && mode !== 'run')) throw new Error('usage: observe.ts generate|run <file> [rows]');

if (mode === 'generate') {
  const fd = openSync(file, 'w');
  try {
    generateWaybills(rowsArg ? Number(rowsArg) : 600_000, (text) => void writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
} else {
  const out = join(tmpdir(), `fairpace-bench-observed-${process.pid}.json`);
  let stderr = '';
  const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), stderrIsTTY: false };
  const t0 = performance.now();
  const code = await main(['observe', 'waybills', file, '--out', out, '--quiet'], { io, env: {} });
  const ms = performance.now() - t0;
  rmSync(out, { force: true });
  if (code !== 0) throw new Error(`observe failed (${code}): ${stderr}`);
  process.stdout.write(
    `${JSON.stringify({ bytes: statSync(file).size, wallMs: ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}
