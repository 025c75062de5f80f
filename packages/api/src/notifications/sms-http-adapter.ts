import type { DeliveryAdapter, OutboxMessage } from './sender.js';

export const SMS_TIMEOUT_MS = 10_000;

/**
 * Posts each SMS as JSON `{ id, to, message }` to the gateway webhook. The message id goes as
 * `Idempotency-Key`, so a gateway that honours it sends a retried message only once.
 */
export function createSmsHttpAdapter(options: { readonly url: string; readonly timeoutMs?: number }): DeliveryAdapter {
  const timeoutMs = options.timeoutMs ?? SMS_TIMEOUT_MS;
  return {
    async deliver(message: OutboxMessage): Promise<void> {
      if (message.channel !== 'sms') throw new Error(`sms adapter cannot deliver a ${message.channel} message`);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
          body: JSON.stringify({ id: message.id, to: message.recipient, message: message.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // undici says only "fetch failed"; the cause (refused, timed out, DNS) is what helps.
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new Error(`sms gateway unreachable: ${error instanceof Error ? error.message : String(error)}${cause}`);
      }
      // The answer body is not read into errors: a gateway may echo the text, which can hold a code.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`sms gateway answered HTTP ${response.status}`);
    },
  };
}
