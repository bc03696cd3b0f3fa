// "Did you mean": the nearest known parameter or metric path to a mistyped one, with exact outputs, and the two
// kinds of message through main().
import { describe, expect, it } from 'vitest';
import { METRIC_PATHS } from '../../src/analysis/metricList.ts';
import { main } from '../../src/cli/main.ts';
import {
  didYouMean,
  editDistance,
  parameterPaths,
  suggestMetric,
  suggestParameter,
  withSuggestions,
} from '../../src/cli/suggest.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-suggest-');

const PARAMS = [
  'rules.penalties.lateFine',
  'rules.penalties.severeLateFine',
  'rules.pay.base',
  'population.couriers',
  'seed',
];

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  it.each([
    ['penalties.lateFine', 'rules.penalties.lateFine'],
    ['lateFine', 'rules.penalties.lateFine'],
    ['fines.lateFine', 'rules.penalties.lateFine'],
    ['penalties.latefine', 'rules.penalties.lateFine'],
    ['rules.penalties.lateFin', 'rules.penalties.lateFine'],
    ['rules.pay.bse', 'rules.pay.base'],
    ['rules.pay.bsae', 'rules.pay.base'],
    ['rules.pya.base', 'rules.pay.base'],
    ['pay.basee', 'rules.pay.base'],
    ['population.courier', 'population.couriers'],
    ['couriers', 'population.couriers'],
    ['sed', 'seed'],
  ])('%s → %s', (given, expected) => {
    expect(didYouMean(given, PARAMS)).toBe(expected);
  });

  it.each(['rules.pay.base', 'x', 'foo.bar', '', 'rules.dispatch.maxBag'])('%s → no suggestion', (given) => {
    expect(didYouMean(given, PARAMS)).toBeUndefined();
  });

  it('finds metric paths, and makes no guess when several paths end with the text', () => {
    expect(didYouMean('earnings.shareBelowMinWag', METRIC_PATHS)).toBe('earnings.shareBelowMinWage');
    expect(didYouMean('shareBelowMinWage', METRIC_PATHS)).toBe('earnings.shareBelowMinWage');
    expect(didYouMean('earnings.gimi', METRIC_PATHS)).toBe('earnings.gini');
    expect(didYouMean('workload.onlinehours.p90', METRIC_PATHS)).toBe('workload.onlineHours.p90');
    expect(didYouMean('p90', METRIC_PATHS)).toBeUndefined();
    expect(didYouMean('onlineHours.p90', METRIC_PATHS)).toBeUndefined();
    expect(didYouMean('earnings.nope', METRIC_PATHS)).toBeUndefined();
  });
});

describe('suggestions in error lines', () => {
  const scenario = { schemaVersion: 2, rules: { penalties: { lateFine: 2 }, name: 'x' }, arms: [{ x: 1 }], a: null };

  it('lists numeric parameters in document order, without arrays or text', () => {
    expect(parameterPaths(scenario)).toEqual(['schemaVersion', 'rules.penalties.lateFine', 'a']);
  });

  it('adds the suggestion after the unknown path and keeps the rest of the line', () => {
    expect(suggestParameter('fairpace zone: penalties.lateFine: no such parameter in the scenario', scenario)).toBe(
      'fairpace zone: penalties.lateFine: no such parameter in the scenario (did you mean "rules.penalties.lateFine"?)',
    );
    expect(suggestParameter('zzz: no such parameter in the scenario', scenario)).toBe(
      'zzz: no such parameter in the scenario',
    );
    expect(
      suggestMetric(
        "--assert 'earnings.gimi <= 1': unknown metric path 'earnings.gimi' (see 'fairpace compare --help')",
      ),
    ).toBe(
      "--assert 'earnings.gimi <= 1': unknown metric path 'earnings.gimi' (did you mean \"earnings.gini\"?) (see 'fairpace compare --help')",
    );
    // Once is enough: a line that already has a suggestion is left as it is.
    const once = withSuggestions(['a.lateFine: no such parameter in the scenario'], { a: { b: { lateFine: 1 } } });
    expect(once).toEqual(['a.lateFine: no such parameter in the scenario (did you mean "a.b.lateFine"?)']);
    expect(withSuggestions(once, { a: { b: { lateFine: 1 } } })).toEqual(once);
  });
});

describe('the CLI suggests', () => {
  async function fairpace(args: string[]) {
    const io = capture();
    const code = await main(args, { io, env: {} });
    return { code, out: io.out, err: io.err };
  }

  it('a parameter path for sweep --param', async () => {
    const r = await fairpace(['sweep', tiny.path, '--param', 'penalties.lateFine', '--values', '1,2']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'penalties.lateFine: no such parameter in the scenario (did you mean "rules.penalties.lateFine"?)\n',
    });
  });

  it('a metric path for compare --assert', async () => {
    const r = await fairpace(['compare', tiny.path, '--assert', 'earnings.gimi <= 1']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: "--assert 'earnings.gimi <= 1': unknown metric path 'earnings.gimi' (did you mean \"earnings.gini\"?) (see 'fairpace compare --help')\n",
    });
  });
});
