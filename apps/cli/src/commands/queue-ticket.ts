const INTENTS: Record<string, string> = {
  change_contact: 'ganti email/HP (cek KTP) / contact change (check KTP)',
  lost_phone: 'HP hilang / lost phone',
  other: 'lainnya / other',
};

/** One line per ticket: number, status, what the member came for, since when. */
export function describeTicket(ticket: {
  id: string;
  number: string;
  intent: string;
  status: string;
  createdAt: string;
}): string {
  return `${ticket.number}  ${ticket.status.padEnd(7)}  ${INTENTS[ticket.intent] ?? ticket.intent}  ${ticket.createdAt}  (${ticket.id})`;
}
