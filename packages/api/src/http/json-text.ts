/**
 * A procedure's reply that is already JSON text (a stored view, `member-views/`): the tRPC
 * handler (`trpc-handler.ts`) puts the text into the response as it is, instead of parsing and
 * serialising it again, and does not validate it against the procedure's output schema (it was
 * validated when it was stored). Only a request whose context says `servesJsonText` gets one;
 * every other caller gets the parsed value.
 */
export class JsonText {
  constructor(readonly text: string) {}
  /** Anything that serialises it anyway (tRPC's stock adapter) writes the value, not a wrapper. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}
