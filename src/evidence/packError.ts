/** The error of a damaged, hostile or malformed evidence pack: the user's input, never a crash (CLI exit 2). */

/** A pack that cannot be read or trusted as a pack; each line of `lines` is one problem a person can read. */
export class PackError extends Error {
  override name = 'PackError';
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.lines = list;
  }
}
