/** Runs comparisons on the worker pool: one at a time, cancellable, with progress and readable errors. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError, planCompare, summariseCompare, type Comparison } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { SimPool } from './simClient.ts';

/** Where the current run is. */
export type RunPhase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; elapsedMs: number; total: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** A finished comparison and the exact scenario it was computed for. */
export interface ComparisonResult {
  scenario: Scenario;
  comparison: Comparison;
}

/** The run state and the two actions. */
export interface ComparisonRunner {
  phase: RunPhase;
  result: ComparisonResult | null;
  run: (scenario: Scenario) => void;
  cancel: () => void;
  /** Forgets the shown result (when another preset is chosen). */
  clear: () => void;
}

/** A hook owning one worker pool for the page's lifetime. */
export function useComparison(): ComparisonRunner {
  const poolRef = useRef<SimPool | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const [result, setResult] = useState<ComparisonResult | null>(null);

  useEffect(
    () => () => {
      controllerRef.current?.abort();
      poolRef.current?.reset();
    },
    [],
  );

  const run = useCallback((scenario: Scenario) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const current = () => controllerRef.current === controller;
    const pool = (poolRef.current ??= new SimPool());
    const started = performance.now();
    void (async () => {
      try {
        const plan = planCompare(scenario);
        setPhase({ kind: 'running', done: 0, total: plan.tasks.length });
        const results = await pool.runTasks(
          plan.tasks,
          (done, total) => {
            if (current()) setPhase({ kind: 'running', done, total });
          },
          controller.signal,
        );
        if (!current()) return;
        setResult({ scenario, comparison: summariseCompare(scenario, plan, results) });
        setPhase({ kind: 'done', elapsedMs: performance.now() - started, total: plan.tasks.length });
      } catch (error) {
        if (!current()) return;
        if (error instanceof CancelledError) setPhase({ kind: 'cancelled' });
        else setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  const clear = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setResult(null);
    setPhase({ kind: 'idle' });
  }, []);

  return { phase, result, run, cancel, clear };
}
