/** What the commands may touch of the outside world (a seam for tests and for the process wiring in main.ts). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is shown only on a terminal, so piped or logged stderr stays clean. */
  stderrIsTTY: boolean;
}
