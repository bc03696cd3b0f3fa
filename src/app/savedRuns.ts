/**
 * Saved comparisons in the browser's IndexedDB: a name, the validated scenario and its comparison, so a run can be
 * reopened without running it again. Every record is checked when read (the scenario through the schema, the
 * comparison's shape, and a digest over both); a record that fails is reported and skipped, never shown.
 */
import type { Comparison, RunsCalibration } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  checkRecord,
  MAX_NAME_CHARS,
  RECORD_VERSION,
  recordDigest,
  type BrokenRun,
  type SavedRun,
  type SavedRunList,
} from './savedRunRecord.ts';

export { MAX_NAME_CHARS, type BrokenRun, type SavedRun, type SavedRunList } from './savedRunRecord.ts';

export const DB_NAME = 'fairpace';
export const STORE = 'savedRuns';
const DB_VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) {
        req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await fn(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** Every record, checked; newest first. */
export function listSavedRuns(): Promise<SavedRunList> {
  return withStore('readonly', async (store) => {
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    const runs: SavedRun[] = [];
    const broken: BrokenRun[] = [];
    keys.forEach((key, i) => {
      let checked: SavedRun | BrokenRun;
      try {
        checked = checkRecord(key, values[i]);
      } catch (e) {
        checked = { id: key, reason: e instanceof Error ? e.message : String(e) };
      }
      if ('scenario' in checked) runs.push(checked);
      else broken.push(checked);
    });
    runs.sort((a, b) => b.id - a.id);
    return { runs, broken };
  });
}

/** Saves a comparison (with its model check, when it has one) under `name`; returns its key. */
export function saveRun(
  name: string,
  scenario: Scenario,
  comparison: Comparison,
  calibration?: RunsCalibration,
): Promise<number> {
  const record = {
    version: RECORD_VERSION,
    name: name.trim().slice(0, MAX_NAME_CHARS),
    savedAt: new Date().toISOString(),
    scenario,
    comparison,
    ...(calibration === undefined ? {} : { calibration }),
    digest: recordDigest(scenario, comparison, calibration),
  };
  return withStore('readwrite', async (store) => Number(await request(store.add(record))));
}

/** Renames a saved run (the digest covers only scenario and comparison, so it stays valid). */
export function renameRun(id: number, name: string): Promise<void> {
  return withStore('readwrite', async (store) => {
    const value = (await request(store.get(id))) as Record<string, unknown> | undefined;
    if (!value) throw new Error(`no saved run ${id}`);
    await request(store.put({ ...value, name: name.trim().slice(0, MAX_NAME_CHARS) }));
  });
}

/** Deletes a record, valid or not. */
export function deleteRun(id: IDBValidKey): Promise<void> {
  return withStore('readwrite', async (store) => {
    await request(store.delete(id));
  });
}
