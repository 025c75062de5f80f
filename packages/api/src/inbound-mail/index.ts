export { INBOUND_DEFAULTS, type InboundMailListener, type InboundMailOptions, startInboundMail } from './listener.js';
export { MAX_BODY_CHARS, type StoredMail, storeInboundMail } from './store-mail.js';
