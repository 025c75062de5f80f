import { InvalidArgumentError } from 'commander';
import type { ApiOutputs } from '../api-types.js';

export type TicketList = ApiOutputs['tickets']['list'];
export type TicketView = ApiOutputs['tickets']['show'];
export type TicketCheck = ApiOutputs['tickets']['verify'];
export type TicketReply = ApiOutputs['tickets']['reply'];

/** A ticket id as staff copy it from `tickets list`. */
export function parseTicketId(value: string): string {
  const ticketId = value.trim();
  if (!ticketId) throw new InvalidArgumentError('the ticket id printed by `tickets list`');
  return ticketId;
}

export const destinationNames: Record<TicketReply['sentTo'], string> = {
  registered_email: 'email terdaftar / the registered email',
  registered_phone: 'SMS ke nomor HP terdaftar / SMS to the registered phone',
  sender_neutral: 'pengirim, jawaban netral / the sender, neutral answer (no account data)',
};
