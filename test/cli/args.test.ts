import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../src/cli/argValues.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { parseDecimal, sweepValues } from '../../src/cli/compareArgs.ts';
import { UsageError } from '../../src/cli/errors.ts';

const usage = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it('reads help and version at the top level', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help', 'sweep'])).toEqual({ kind: 'help', topic: 'sweep' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  it('gives help for a command even when its required arguments are missing', () => {
    expect(parseCommandLine(['sweep', '--help'])).toEqual({ kind: 'help', topic: 'sweep' });
    expect(parseCommandLine(['compare', 'x.json', '-h'])).toEqual({ kind: 'help', topic: 'compare' });
  });

  it('parses validate and run', () => {
    expect(parseCommandLine(['validate', 'a.json'])).toEqual({ kind: 'validate', file: 'a.json' });
    expect(parseCommandLine(['run', 'a.json', '--seed', '7', '--arm', 'median', '-o', 'r.json'])).toEqual({
      kind: 'run',
      file: 'a.json',
      seed: 7,
      arm: 'median',
      out: 'r.json',
      orders: undefined,
      bom: true,
    });
    expect(parseCommandLine(['run', 'a.json'])).toMatchObject({ seed: undefined, arm: undefined, out: undefined });
    expect(parseCommandLine(['run', 'a.json', '--orders', 'o.csv', '--no-bom'])).toMatchObject({
      orders: 'o.csv',
      bom: false,
    });
    expect(() => parseCommandLine(['run', 'a.json', '--no-bom'])).toThrow(/--no-bom goes with --orders/);
  });

  it('parses compare with defaults left to the scenario', () => {
    expect(parseCommandLine(['compare', 'a.json'])).toEqual({
      kind: 'compare',
      file: 'a.json',
      arms: undefined,
      replications: undefined,
      seed: undefined,
      out: undefined,
      workers: undefined,
      quiet: false,
      format: 'json',
      bom: true,
    });
    const c = parseCommandLine([
      'compare',
      '--arms',
      'median, strictest',
      'a.json',
      '--replications=3',
      '--format',
      'table',
      '--workers',
      '2',
      '-q',
    ]);
    expect(c).toMatchObject({
      arms: ['median', 'strictest'],
      replications: 3,
      format: 'table',
      workers: 2,
      quiet: true,
    });
  });

  it('parses sweep values from a list or a range', () => {
    expect(parseCommandLine(['sweep', 'a.json', '--param', 'rules.pay.base', '--values', '5,6.5, 8'])).toMatchObject({
      kind: 'sweep',
      param: 'rules.pay.base',
      values: [5, 6.5, 8],
      format: 'json',
    });
    const range = [
      'sweep',
      'a.json',
      '--param',
      'p',
      '--from',
      '0.1',
      '--to',
      '0.3',
      '--step',
      '0.1',
      '--format',
      'csv',
    ];
    expect(parseCommandLine(range)).toMatchObject({ values: [0.1, 0.2, 0.3], format: 'csv' });
    expect(parseCommandLine(['sweep', 'a.json', '--param', 'p', '--values=-1,0'])).toMatchObject({ values: [-1, 0] });
  });

  it('refuses unknown commands and options with a pointer to the help', () => {
    expect(usage([])).toMatch(/missing command/);
    expect(usage(['simulate'])).toMatch(/unknown command 'simulate'/);
    expect(usage(['--verbose'])).toMatch(/unknown option '--verbose'/);
    expect(usage(['compare', 'a.json', '--fast'])).toBe("unknown option '--fast' (see 'fairpace compare --help')");
    expect(usage(['validate', 'a.json', '--seed', '1'])).toMatch(/unknown option '--seed'/);
    expect(usage(['run', 'a.json', '--quiet=yes'])).toMatch(/unknown option|does not take/);
  });

  it('refuses missing, extra and empty arguments', () => {
    expect(usage(['validate'])).toMatch(/missing the scenario file/);
    expect(usage(['validate', 'a.json', 'b.json'])).toMatch(/unexpected argument 'b.json'/);
    expect(usage(['run', 'a.json', '--seed'])).toMatch(/argument missing/);
    expect(usage(['run', 'a.json', '--arm', ' '])).toMatch(/--arm needs a value/);
    expect(usage(['run', 'a.json', '--out='])).toMatch(/--out needs a file name/);
  });

  it('refuses numbers out of range or not whole', () => {
    expect(usage(['run', 'a.json', '--seed', '-1'])).toMatch(/option '--seed' needs a value|--seed must be/);
    expect(usage(['run', 'a.json', '--seed=-1'])).toMatch(/--seed must be a whole number from 0 to 2147483647/);
    expect(usage(['run', 'a.json', '--seed', '1.5'])).toMatch(/--seed must be/);
    expect(usage(['compare', 'a.json', '--replications', '0'])).toMatch(/--replications must be .* from 1 to 1000/);
    expect(usage(['compare', 'a.json', '--replications', '1e3'])).toMatch(/--replications must be/);
    expect(usage(['compare', 'a.json', '--workers', '0'])).toMatch(/--workers must be/);
    expect(usage(['compare', 'a.json', '--workers', 'many'])).toMatch(/--workers must be/);
  });

  it('writes CSV with a byte-order mark unless --no-bom, which goes with --format csv only', () => {
    expect(parseCommandLine(['compare', 'a.json', '--format', 'csv'])).toMatchObject({ format: 'csv', bom: true });
    expect(parseCommandLine(['compare', 'a.json', '--format', 'csv', '--no-bom'])).toMatchObject({ bom: false });
    expect(
      parseCommandLine(['sweep', 'a.json', '--param', 'p', '--values', '1', '--format', 'csv', '--no-bom']),
    ).toMatchObject({ bom: false });
    expect(usage(['compare', 'a.json', '--no-bom'])).toBe(
      "--no-bom goes with --format csv (see 'fairpace compare --help')",
    );
    expect(usage(['evidence', 'a.json', '--out', 'p.zip', '--no-bom'])).toMatch(/unknown option '--no-bom'/);
  });

  it('refuses bad formats and arm lists', () => {
    expect(usage(['compare', 'a.json', '--format', 'xml'])).toMatch(/--format must be one of json, table, csv/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--values', '1', '--format', 'table'])).toMatch(
      /--format must be one of json, csv/,
    );
    expect(usage(['compare', 'a.json', '--arms', 'a,,b'])).toMatch(/without empty items/);
    expect(usage(['compare', 'a.json', '--arms', 'a,a'])).toMatch(/lists 'a' twice/);
  });

  it('refuses incomplete or conflicting sweeps', () => {
    expect(usage(['sweep', 'a.json', '--values', '1'])).toMatch(/missing --param/);
    expect(usage(['sweep', 'a.json', '--param', 'p'])).toMatch(/missing the values to sweep/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--from', '1', '--to', '2'])).toMatch(/all three/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--values', '1', '--step', '1'])).toMatch(/not both/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--values', '1,x'])).toMatch(/'x' is not a number/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--from', '5', '--to', '1', '--step', '1'])).toMatch(/bad range/);
    expect(usage(['sweep', 'a.json', '--param', 'p', '--from', '0', '--to', '1', '--step', '0'])).toMatch(/bad range/);
  });
});

describe('number parsing', () => {
  it('accepts only whole decimal integers within bounds', () => {
    expect(parseInteger('42', 'n', 0, 100)).toBe(42);
    expect(parseInteger(' +7 ', 'n', 0, 100)).toBe(7);
    for (const bad of ['', '0x10', '1e2', '1.0', '101', '-1', 'Infinity']) {
      expect(() => parseInteger(bad, 'n', 0, 100)).toThrow(UsageError);
    }
  });

  it('accepts finite decimal numbers only', () => {
    expect(parseDecimal('-2.5e1', 'v')).toBe(-25);
    expect(parseDecimal('.5', 'v')).toBe(0.5);
    for (const bad of ['', ' ', '0x1f', 'Infinity', 'NaN', '1,5', '1e999']) {
      expect(() => parseDecimal(bad, 'v')).toThrow(UsageError);
    }
  });

  it('builds range values without binary noise', () => {
    expect(sweepValues(undefined, '0', '1', '0.25')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepValues('3,1,2', undefined, undefined, undefined)).toEqual([3, 1, 2]);
  });
});
