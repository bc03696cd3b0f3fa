/** The Fairpace version written into every result and evidence file. */
import pkg from '../package.json';

export const FAIRPACE_VERSION: string = pkg.version;
