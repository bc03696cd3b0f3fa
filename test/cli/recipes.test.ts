// The README's recipes for more than one machine, run here: a sweep as 3 shards through GNU parallel, and the Slurm
// array script and the Kubernetes Indexed Job's command run once per shard with the variables those schedulers set.
// Each merge must give the bytes of the unsharded sweep.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TINY_SCENARIO } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'fairpace.mjs');

let dir = '';
let env: NodeJS.ProcessEnv = {};

/** Runs a command in `cwd`; rejects with its stderr when it fails. */
function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-recipes-'));
  // `fairpace` on PATH, as `npm install --global` or the container image puts it.
  const binDir = join(dir, 'bin');
  await mkdir(binDir);
  await symlink(BIN, join(binDir, 'fairpace'));
  env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`, FAIRPACE_DEBUG: '' };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh folder holding the tiny scenario at `rel`. */
async function workspace(name: string, rel: string): Promise<string> {
  const cwd = join(dir, name);
  await mkdir(join(cwd, rel, '..'), { recursive: true });
  await writeFile(join(cwd, rel), JSON.stringify(TINY_SCENARIO));
  return cwd;
}

describe('recipes for more than one machine', () => {
  it('GNU parallel: a sweep as 3 shards, merged, is byte-identical to the unsharded sweep', async () => {
    const cwd = await workspace('parallel', 'tiny.json');
    const sweep = ['sweep', 'tiny.json', '--param', 'rules.pay.base', '--values', '6,8,10,12', '--workers', '1'];
    await run('fairpace', [...sweep, '--out', 'whole.json'], cwd);
    // The README's command: parallel fairpace sweep ... --shard {}/3 --out part-{}.jsonl ::: 1 2 3
    await run(
      'parallel',
      [
        '--will-cite',
        '--halt',
        'now,fail=1',
        'fairpace',
        ...sweep,
        '--shard',
        '{}/3',
        '--out',
        'part-{}.jsonl',
        ':::',
        '1',
        '2',
        '3',
      ],
      cwd,
    );
    expect((await readdir(cwd)).filter((f) => f.startsWith('part-')).sort()).toEqual([
      'part-1.jsonl',
      'part-2.jsonl',
      'part-3.jsonl',
    ]);
    await run('fairpace', ['merge', 'part-1.jsonl', 'part-2.jsonl', 'part-3.jsonl', '--out', 'merged.json'], cwd);
    const whole = await readFile(join(cwd, 'whole.json'));
    expect((await readFile(join(cwd, 'merged.json'))).equals(whole)).toBe(true);
    expect(JSON.parse(whole.toString('utf8')).points).toHaveLength(4);
  });

  it('Slurm: the array script, run as array tasks 1..3, merges to the unsharded sweep', async () => {
    const script = join(ROOT, 'docs', 'cluster', 'slurm-sweep.sh');
    const text = await readFile(script, 'utf8');
    const array = /^#SBATCH --array=1-(\d+)$/m.exec(text);
    expect(array?.[1]).toBe('3');
    const cwd = await workspace('slurm', 'tiny.json');
    const vars = { SCENARIO: 'tiny.json', REPLICATIONS: '2', SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '1' };
    for (const k of ['1', '2', '3']) await run('bash', [script], cwd, { ...vars, SLURM_ARRAY_TASK_ID: k });
    const sweep = /^fairpace sweep "\$scenario" (.*) \\$/m.exec(text)?.[1]?.split(' ') ?? [];
    expect(sweep.slice(0, 2)).toEqual(['--param', 'rules.pay.base']);
    await run('fairpace', ['sweep', 'tiny.json', ...sweep, '--replications', '2', '--out', 'whole.json'], cwd);
    await run(
      'fairpace',
      ['merge', ...['1', '2', '3'].map((k) => `results/part-${k}.jsonl`), '--out', 'merged.json'],
      cwd,
    );
    expect((await readFile(join(cwd, 'merged.json'))).equals(await readFile(join(cwd, 'whole.json')))).toBe(true);
  });

  it('Kubernetes: the Indexed Job command, run for completion indexes 0..2, merges to the unsharded sweep', async () => {
    const job = parse(await readFile(join(ROOT, 'docs', 'cluster', 'k8s-sweep-job.yaml'), 'utf8'));
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const count: number = job.spec.completions;
    expect(job.spec.parallelism).toBe(count);
    const container = job.spec.template.spec.containers[0];
    expect(container.command).toEqual(['sh', '-c']);
    const script: string = container.args[0];
    expect(script).toContain(`/${count} --out results/`);
    const cwd = await workspace('k8s', 'input/scenario.json');
    await mkdir(join(cwd, 'results'));
    for (let i = 0; i < count; i++) await run('sh', ['-c', script], cwd, { JOB_COMPLETION_INDEX: String(i) });
    const whole = script.replace(/ --shard .* --out .*$/, ' --out whole.json');
    expect(whole).not.toBe(script);
    await run('sh', ['-c', whole], cwd);
    const parts = Array.from({ length: count }, (_, i) => `results/part-${i + 1}.jsonl`);
    await run('fairpace', ['merge', ...parts, '--out', 'merged.json'], cwd);
    expect((await readFile(join(cwd, 'merged.json'))).equals(await readFile(join(cwd, 'whole.json')))).toBe(true);
  });
});
