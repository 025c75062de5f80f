import type { DeliveryAdapter } from './sender.js';

/**
 * Demo mode and tests: nothing leaves the machine. The row itself is the delivered message;
 * the dev mailbox page (`/dev/mailbox`) shows it, and the sender marks it sent at once.
 */
export function createDevAdapter(): DeliveryAdapter {
  return { deliver: async () => {} };
}
