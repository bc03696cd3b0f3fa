// Runs `compare` on a preset in the page's main thread with the browser's JavaScript engine, for determinism.mjs.
// The preset comes from `?preset=<id>`; the Comparison JSON (or an error) ends up in globalThis.__fairpaceProbe.
import { compare } from '../../../src/analysis/index.ts';
import { validateScenario } from '../../../src/scenario/load.ts';

const files = import.meta.glob('../../../scenarios/*.json', { import: 'default' });

async function probe() {
  const id = new URLSearchParams(globalThis.location.search).get('preset') ?? 'yantai-2021';
  const load = files[`../../../scenarios/${id}.json`];
  if (!load) throw new Error(`no preset ${id}`);
  const loaded = validateScenario(await load());
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return JSON.stringify(await compare(loaded.scenario));
}

probe().then(
  (json) => (globalThis.__fairpaceProbe = { json }),
  (error) => (globalThis.__fairpaceProbe = { error: String(error?.stack ?? error) }),
);
