// `fairpace zone --sequential`: each cell on the seeds its verdict needed (JSON replicationsByCell), each cell that of
// `fairpace zone --replications n`, the runs said on stderr, provisional lines with --progress, the same answer on
// one worker or two, and the refusal to shard.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-zone-sequential-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify({ ...TINY_SCENARIO, replications: 5 }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fairpace = fairpaceIn(() => dir);

interface Zone {
  cells: unknown[];
  replicationsByCell: number[];
}

describe('fairpace zone --sequential', () => {
  const grid = ['--x', 'rules.deadline.percentile=30,50', '--y', 'rules.pay.base=4,30', '--arm', 'median'];
  const limits = ['--union', 'earnings.shareBelowMinWage <= 0.5', '--platform', 'platform.margin >= 0'];
  const args = ['zone', 'tiny.json', ...grid, ...limits, '--sequential'];

  it('runs each cell until both sides are decided or every seed is run, and each cell is the fixed zone’s', async () => {
    const one = await fairpace([...args, '--workers', '1']);
    expect(one.code, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout) as Zone;
    expect(result.replicationsByCell).toHaveLength(4);
    expect(one.stderr).toMatch(
      /^runs: \d+ of the full zone's 20 \(\d+ (to \d+ replications a cell|replications at every cell)\)/m,
    );
    for (const n of new Set(result.replicationsByCell)) {
      const fixed = JSON.parse(
        (await fairpace(['zone', 'tiny.json', ...grid, ...limits, '--replications', `${n}`])).stdout,
      ) as Zone;
      result.replicationsByCell.forEach((count, i) => {
        if (count === n) expect(JSON.stringify(result.cells[i])).toBe(JSON.stringify(fixed.cells[i]));
      });
    }
    const two = await fairpace([...args, '--workers', '2', '--progress']);
    expect(two.stdout).toBe(one.stdout);
    const lines = two.stderr.split('\n').filter((l) => l.startsWith('provisional '));
    expect(lines.length, two.stderr).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^provisional 2\/5 replications: \d+ of 4 cells agreed/);
  });

  it('refuses to be sharded', async () => {
    const r = await fairpace([...args, '--shard', '1/2', '--out', 'part.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sequential decides the seeds as it goes: it cannot be sharded/);
  });
});
