import type { MessageKey } from './messages';

export type ServiceId = 'forgot-account' | 'jht-balance' | 'queue-number';

export interface KioskService {
  id: ServiceId;
  titleKey: MessageKey;
  hintKey: MessageKey;
  /** False until the service is built; the kiosk then says so plainly instead of pretending. */
  isAvailable: boolean;
}

export const kioskServices: readonly KioskService[] = [
  { id: 'forgot-account', titleKey: 'serviceForgotAccount', hintKey: 'serviceForgotAccountHint', isAvailable: false },
  { id: 'jht-balance', titleKey: 'serviceJhtBalance', hintKey: 'serviceJhtBalanceHint', isAvailable: false },
  { id: 'queue-number', titleKey: 'serviceQueueNumber', hintKey: 'serviceQueueNumberHint', isAvailable: false },
];
