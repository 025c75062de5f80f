import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { NotificationConfig } from '../env.js';
import { createDevAdapter } from './dev-adapter.js';
import { OutboxSender, type OutboxSenderOptions } from './sender.js';
import { createSmsHttpAdapter } from './sms-http-adapter.js';
import { createSmtpAdapter } from './smtp-adapter.js';

export { createDevAdapter } from './dev-adapter.js';
export { enqueueNotice, type NoticeRequest } from './outbox.js';
export {
  backoffMs,
  type DeliveryAdapter,
  describeDeliveryError,
  listStuckNotices,
  OUTBOX_DEFAULTS,
  type OutboxMessage,
  OutboxSender,
  type OutboxSenderOptions,
  type StuckNotice,
} from './sender.js';
export { createSmsHttpAdapter } from './sms-http-adapter.js';
export { createSmtpAdapter, smtpMessageId } from './smtp-adapter.js';
export {
  type NoticeData,
  NoticeDataError,
  type NoticeLocale,
  type NoticeTemplate,
  noticeTemplates,
  type RenderedNotice,
  renderNotice,
} from './templates.js';

/**
 * Builds the sender for the configured channels: the dev mailbox unless SMTP / the SMS webhook
 * are set. The caller starts it (`start()`) and stops it on shutdown (`await stop()`).
 */
export function createNotifier(
  config: NotificationConfig,
  db: Db,
  clock: Clock,
  options: Omit<OutboxSenderOptions, 'db' | 'adapters' | 'clock'> = {},
): OutboxSender {
  const email = config.email.kind === 'smtp' ? createSmtpAdapter(config.email) : createDevAdapter();
  const sms = config.sms.kind === 'http' ? createSmsHttpAdapter({ url: config.sms.url }) : createDevAdapter();
  return new OutboxSender({ ...options, db, adapters: { email, sms }, clock });
}
