import { z } from 'zod';
import type { IncidentRow } from '../../privacy/breach.js';
import { filtersOf } from '../../privacy/breach.js';

export const incidentOutput = z.object({
  id: z.string(),
  description: z.string(),
  measures: z.string().nullable(),
  openedAt: z.string(),
  notifiedAt: z.string().nullable(),
  filters: z.object({
    since: z.string(),
    until: z.string(),
    staffId: z.number().nullable(),
    channel: z.enum(['web', 'kiosk', 'cli']).nullable(),
    actionPrefix: z.string().nullable(),
  }),
});

export const incidentView = (row: IncidentRow) => ({
  id: row.id,
  description: row.description,
  measures: row.measures,
  openedAt: row.openedAt,
  notifiedAt: row.notifiedAt,
  filters: filtersOf(row),
});

const count = z.number();
const at = z.string().nullable();

export const incidentReportOutput = z.object({
  incident: z.object({
    id: z.string(),
    description: z.string(),
    measures: z.string().nullable(),
    openedAt: z.string(),
    openedBy: z.string(),
    notifiedAt: at,
  }),
  window: z.object({ since: z.string(), until: z.string() }),
  filters: incidentOutput.shape.filters,
  dataCategories: z.array(z.object({ action: z.string(), description: z.string(), reads: count, members: count })),
  channels: z.array(z.object({ channel: z.string(), reads: count })),
  staff: z.array(z.object({ staffId: count, username: z.string(), role: z.string(), reads: count })),
  membersAffected: count,
  notices: z.object({
    membersNotified: count,
    membersWithoutContact: count,
    messagesQueued: count,
    messagesSent: count,
    firstQueuedAt: at,
    lastQueuedAt: at,
    lastSentAt: at,
  }),
  deadline: z.object({ hours: count, dueAt: z.string(), allQueuedInTime: z.boolean().nullable() }),
  members: z.array(z.object({ memberId: count, queuedAt: at, sentAt: z.array(at) })),
  generatedAt: z.string(),
});
