/**
 * The workbench's run cache in IndexedDB (idb-keyval: a key-value store in one object store, well kept and 600
 * bytes): runs are kept by the key of src/analysis/runCache.ts, so reopening a preset, or a sweep or tornado that
 * touches a point already run, answers from the browser's store. A store that fails (private mode, quota) never
 * fails a run: it answers nothing and keeps nothing.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { RunStore } from '../analysis/index.ts';

export class IndexedDbRunStore implements RunStore {
  private readonly store: UseStore | null;

  constructor() {
    let store: UseStore | null = null;
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('fairpace-runs', 'runs');
    } catch {
      store = null;
    }
    this.store = store;
  }

  async get(key: string): Promise<string | undefined> {
    if (!this.store) return undefined;
    try {
      const value: unknown = await get(key, this.store);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, json: string): Promise<void> {
    if (!this.store) return;
    try {
      await set(key, json, this.store);
    } catch {
      // A full or unavailable store keeps nothing; the run's result is returned all the same.
    }
  }
}
