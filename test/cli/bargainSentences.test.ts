// `fairpace target` and `fairpace zone` say their answer in sentences on a terminal (issue 22 item 5): each side's
// money and best cells, in English then Chinese, on stderr; stdout stays the JSON, which only gains fields.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-bargain-text-');

/** A capture whose stderr is a terminal (the same object: its methods write to it). */
const terminal = () => Object.assign(capture(), { stderrIsTTY: true });

// Three replications: a target is judged by the unfavourable end of its 95% interval, which on 2 seeds of 5 couriers
// (t = 12.7) can miss a threshold the mean clears by three times, and then there is no answer to say.
const TARGET = [
  ...['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--replications', '3'],
  ...['--max-steps', '6', '--target', 'earnings.netPerOnlineHour.mean >= 15', '--workers', '1', '--no-cache'],
];

describe('bargaining answers on the terminal', () => {
  it('target: says what couriers gain and the platform pays, from the JSON it prints', async () => {
    const out = terminal();
    expect(await main(['target', tiny.path, ...TARGET], { io: out, env: {} })).toBe(0);
    const result = JSON.parse(out.out);
    const money = result.platformCost.money;
    expect(Object.keys(money)).toEqual(
      expect.arrayContaining(['couriersGain', 'platformPays', 'gap', 'parts', 'flows']),
    );
    // The JSON keeps every field it had.
    expect(Object.keys(result.platformCost)).toEqual(
      expect.arrayContaining(['currentValue', 'at', 'current', 'change']),
    );
    expect(out.err).toMatch(
      /Raising the piece rate per order to [\d.]+ CNY \(today [\d.]+ CNY\) under algorithm-median/,
    );
    expect(out.err).toMatch(
      /couriers take home about [\d,]+ CNY (more|less) a day|couriers’ take-home pay shows no clear change/,
    );
    expect(out.err).toMatch(/若把每单基础配送费提高到 [\d.]+ 元（现行 [\d.]+ 元）/);
    expect(out.err).toMatch(/骑手每天(多得|少得)约|骑手每天的收入没有明显变化/);
    expect(out.err).not.toMatch(/rules\.pay\.base|earnings\.netPerOnlineHour/);
  });

  it('target: nothing on stderr when it is not a terminal, or with --quiet', async () => {
    const piped = capture();
    expect(await main(['target', tiny.path, ...TARGET], { io: piped, env: {} })).toBe(0);
    expect(piped.err).toBe('');
    const quiet = terminal();
    expect(await main(['target', tiny.path, ...TARGET, '--quiet'], { io: quiet, env: {} })).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(piped.out);
  });

  it('zone: names each side’s best cell and the cells both accept, never today’s rule as advice', async () => {
    const io = terminal();
    const args = [
      'zone',
      tiny.path,
      ...['--x', 'rules.deadline.percentile=10,50', '--y', 'rules.pay.base=7,20', '--arm', 'median'],
      ...['--union', 'earnings.shareBelowMinWage <= 0.5', '--platform', 'platform.margin >= -100000'],
      ...['--replications', '2', '--workers', '1', '--no-cache'],
    ];
    expect(await main(args, { io, env: {} })).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.cells[0].metrics['safety.relativeCrashRisk'].ci95).toHaveLength(2);
    expect(io.err).toMatch(/cells meet both sides’ limits|None of the 4 cells/);
    expect(io.err).toContain('The union’s best cells within the platform’s limits');
    expect(io.err).toContain('These are each side’s positions, not advice from this tool');
    expect(io.err).toContain('工会一方的最佳格子');
    expect(io.err).toContain('不是本工具的建议');
    expect(io.err).not.toMatch(/推荐/);
  });
});
