import type { MessageKey } from './messages';

export type ServiceId = 'forgot-account' | 'change-contact' | 'balance-status' | 'my-data';

export interface KioskService {
  id: ServiceId;
  titleKey: MessageKey;
  hintKey: MessageKey;
  /** False until the service is built; the kiosk then says so plainly instead of pretending. */
  isAvailable: boolean;
}

/** The start screen's big buttons, in the order they are shown. */
export const kioskServices: readonly KioskService[] = [
  { id: 'forgot-account', titleKey: 'serviceForgotAccount', hintKey: 'serviceForgotAccountHint', isAvailable: true },
  { id: 'change-contact', titleKey: 'serviceChangeContact', hintKey: 'serviceChangeContactHint', isAvailable: true },
  { id: 'balance-status', titleKey: 'serviceBalanceStatus', hintKey: 'serviceBalanceStatusHint', isAvailable: true },
  { id: 'my-data', titleKey: 'serviceMyData', hintKey: 'serviceMyDataHint', isAvailable: true },
];
