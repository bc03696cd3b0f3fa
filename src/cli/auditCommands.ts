/** `fairpace audit riders` (written next). */
import type { CliIo } from './commands.ts';
import type { AuditRidersCommand } from './dataArgs.ts';

export async function auditRiders(_command: AuditRidersCommand, _io: CliIo): Promise<number> {
  throw new Error('not yet');
}
