/**
 * Evidence packs in the app: Export re-runs the comparison on the worker pool with courier-day rows kept and builds
 * the pack with the same pure functions as `fairpace evidence` (bargaining results as `--include` carries them); Verify checks a pack with `verifyPack`, re-running its
 * scenario on the pool. One job at a time, cancellable, with progress.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError } from '../analysis/index.ts';
import {
  buildEvidencePack,
  PACK_LIMITS,
  PackError,
  planEvidence,
  verifyPack,
  type BargainingKind,
  type EvidencePack,
  type OtherModel,
} from '../evidence/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sharedPool } from './simClient.ts';

/** Where the evidence job is. */
export type EvidencePhase =
  | { kind: 'idle' }
  | { kind: 'running'; job: 'export' | 'verify'; done: number; total: number }
  | {
      kind: 'exported';
      fileName: string;
      bytes: number;
      digest: string;
      /** Bargaining results carried, and chosen ones left out (computed on another scenario). */
      included: BargainingKind[];
      leftOut: BargainingKind[];
      /** The edited scenario was run and exported (and its results are now on screen). */
      edited: boolean;
    }
  | { kind: 'verified'; fileName: string; notes: string[] }
  | { kind: 'notVerified'; fileName: string; differences: string[]; notes: string[]; otherModel?: OtherModel }
  | { kind: 'error'; job: 'export' | 'verify'; fileName?: string; lines: string[] }
  | { kind: 'cancelled' };

/** The state and actions of the evidence panel. */
export interface EvidenceRunner {
  phase: EvidencePhase;
  running: boolean;
  exportPack: (scenario: Scenario, fileName: string, options?: ExportOptions) => void;
  verifyFile: (file: File) => void;
  cancel: () => void;
}

/** What else goes into an exported pack, and what to do with it once built. */
export interface ExportOptions {
  /** Bargaining results to carry (`bargainingForPack`), with the kinds carried and left out for the status line. */
  bargaining?: {
    entries: { name: string; bytes: Uint8Array }[];
    included: BargainingKind[];
    leftOut: BargainingKind[];
  };
  /** The scenario is the editor's, run for this export rather than the one of the results on screen. */
  edited?: boolean;
  /** Called with the pack before it is offered for download (to show its comparison on screen). */
  onBuilt?: (pack: EvidencePack) => void;
}

/** Offers bytes as a download named `fileName`. */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function linesOf(error: unknown): string[] {
  if (error instanceof PackError) return error.lines;
  return [error instanceof Error ? error.message : String(error)];
}

/** A hook owning the evidence job. */
export function useEvidence(): EvidenceRunner {
  const controllerRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<EvidencePhase>({ kind: 'idle' });

  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(
    (job: 'export' | 'verify', fileName: string | undefined, work: (signal: AbortSignal) => Promise<void>) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setPhase({ kind: 'running', job, done: 0, total: 0 });
      void (async () => {
        try {
          await work(controller.signal);
        } catch (error) {
          if (controllerRef.current !== controller) return;
          if (error instanceof CancelledError) setPhase({ kind: 'cancelled' });
          else setPhase({ kind: 'error', job, fileName, lines: linesOf(error) });
        }
      })();
      return controller;
    },
    [],
  );

  const exportPack = useCallback(
    (scenario: Scenario, fileName: string, options: ExportOptions = {}) => {
      const controller = start('export', fileName, async (signal) => {
        const plan = planEvidence(scenario);
        const pool = sharedPool();
        const runs = await pool.runEvidenceTasks(
          plan.tasks,
          (done, total) => {
            if (controllerRef.current === controller) setPhase({ kind: 'running', job: 'export', done, total });
          },
          signal,
        );
        const bargaining = options.bargaining;
        const pack = buildEvidencePack({ scenario, plan, runs, bargaining: bargaining?.entries ?? [] });
        if (controllerRef.current !== controller) return;
        options.onBuilt?.(pack);
        downloadBytes(pack.zip, fileName, 'application/zip');
        setPhase({
          kind: 'exported',
          fileName,
          bytes: pack.zip.length,
          digest: pack.manifest.digest,
          included: bargaining?.included ?? [],
          leftOut: bargaining?.leftOut ?? [],
          edited: options.edited === true,
        });
      });
    },
    [start],
  );

  const verifyFile = useCallback(
    (file: File) => {
      const controller = start('verify', file.name, async (signal) => {
        if (file.size > PACK_LIMITS.maxZipBytes) {
          throw new PackError(`the file is ${file.size} bytes, more than ${PACK_LIMITS.maxZipBytes}`);
        }
        const zip = new Uint8Array(await file.arrayBuffer());
        const outcome = await verifyPack(
          zip,
          sharedPool().runEvidenceTasks,
          (done, total) => {
            if (controllerRef.current === controller) setPhase({ kind: 'running', job: 'verify', done, total });
          },
          signal,
        );
        if (controllerRef.current !== controller) return;
        setPhase(
          outcome.verified
            ? { kind: 'verified', fileName: file.name, notes: outcome.notes }
            : {
                kind: 'notVerified',
                fileName: file.name,
                differences: outcome.differences,
                notes: outcome.notes,
                otherModel: outcome.otherModel,
              },
        );
      });
    },
    [start],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  return { phase, running: phase.kind === 'running', exportPack, verifyFile, cancel };
}
