/** The bundle of the CLI's sources as they are now (made if missing), or undefined when none can be made. */
export function cliBundle(): Promise<URL | undefined>;
