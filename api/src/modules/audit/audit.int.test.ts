// The audit log (HOOK-1 to HOOK-3): what each action records, with whom and from where; rollback; the append-only
// trigger; reading and filtering; retention.
import { describe, expect, test } from '../../../test/fixtures.ts';
import type { TestApi } from '../../../test/test-api.ts';
import { systemAuditSource } from './audit-log.ts';

/** Writes one system entry outside any change, to try the database's rules on. */
async function anEntry(api: TestApi): Promise<string> {
  await api.app.services.audit.record(api.db.prisma, {
    action: 'WEBHOOK_DISABLED',
    source: systemAuditSource,
    workspaceId: crypto.randomUUID(),
    target: { type: 'WEBHOOK', id: crypto.randomUUID(), label: 'https://hooks.example.com/yello' },
    details: { reason: 'Deliveries kept failing.' },
  });
  const entry = await api.db.prisma.auditEntry.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  return entry.id;
}

describe('the append-only audit log', () => {
  test('HOOK-1.4 the database refuses an update, a delete and a truncate of an entry', async ({ api }) => {
    const id = await anEntry(api);
    const prisma = api.db.prisma;
    await expect(prisma.auditEntry.update({ where: { id }, data: { ipAddress: '192.0.2.1' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM "AuditEntry"')).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.findUnique({ where: { id } })).toMatchObject({ id, ipAddress: null });
  });
});
