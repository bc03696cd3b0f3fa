/**
 * Evidence packs in the app: Export re-runs the comparison on the worker pool with courier-day rows kept and builds
 * the pack with the same pure functions as `fairpace evidence` (bargaining results as `--include` carries them); Verify checks a pack with `verifyPack`, re-running its
 * scenario on the pool. One job at a time, cancellable, with progress.
 */
import { useCallback, useMemo } from 'react';
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
import type { JobState } from './jobs/jobState.ts';
import { useJob } from './jobs/useJob.ts';
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

/** What an evidence job ends with. */
type EvidenceOutcome = Extract<EvidencePhase, { kind: 'exported' | 'verified' | 'notVerified' }>;

/** What an evidence job is: an export or a verification, and of which file. */
interface EvidenceJob {
  job: 'export' | 'verify';
  fileName?: string;
}

/** The panel's phase from the job slot's state. */
function evidencePhaseOf(state: JobState<EvidenceOutcome, EvidenceJob>): EvidencePhase {
  const { phase } = state;
  switch (phase.kind) {
    case 'idle':
      return { kind: 'idle' };
    case 'running':
      return { kind: 'running', job: phase.meta.job, done: phase.done, total: phase.total };
    case 'done':
      return state.result ?? { kind: 'idle' };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'error':
      // A damaged or refused pack lists each problem on a line of its own.
      return {
        kind: 'error',
        job: phase.meta.job,
        fileName: phase.meta.fileName,
        lines: phase.error instanceof PackError ? phase.error.lines : [phase.message],
      };
  }
}

/** A hook owning the evidence job. */
export function useEvidence(): EvidenceRunner {
  const job = useJob<EvidenceOutcome, EvidenceJob>();
  const { start, state } = job;
  const phase = useMemo(() => evidencePhaseOf(state), [state]);

  const exportPack = useCallback(
    (scenario: Scenario, fileName: string, options: ExportOptions = {}) =>
      start(
        async ({ signal, progress, current }) => {
          const plan = planEvidence(scenario);
          const runs = await sharedPool().runEvidenceTasks(plan.tasks, progress, signal);
          const bargaining = options.bargaining;
          const pack = buildEvidencePack({ scenario, plan, runs, bargaining: bargaining?.entries ?? [] });
          if (current()) {
            options.onBuilt?.(pack);
            downloadBytes(pack.zip, fileName, 'application/zip');
          }
          return {
            kind: 'exported',
            fileName,
            bytes: pack.zip.length,
            digest: pack.manifest.digest,
            included: bargaining?.included ?? [],
            leftOut: bargaining?.leftOut ?? [],
            edited: options.edited === true,
          };
        },
        { job: 'export', fileName },
      ),
    [start],
  );

  const verifyFile = useCallback(
    (file: File) =>
      start(
        async ({ signal, progress }) => {
          if (file.size > PACK_LIMITS.maxZipBytes) {
            throw new PackError(`the file is ${file.size} bytes, more than ${PACK_LIMITS.maxZipBytes}`);
          }
          const zip = new Uint8Array(await file.arrayBuffer());
          const outcome = await verifyPack(zip, sharedPool().runEvidenceTasks, progress, signal);
          return outcome.verified
            ? { kind: 'verified', fileName: file.name, notes: outcome.notes }
            : {
                kind: 'notVerified',
                fileName: file.name,
                differences: outcome.differences,
                notes: outcome.notes,
                otherModel: outcome.otherModel,
              };
        },
        { job: 'verify', fileName: file.name },
      ),
    [start],
  );

  return { phase, running: phase.kind === 'running', exportPack, verifyFile, cancel: job.cancel };
}
