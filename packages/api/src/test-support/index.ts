export { type ServerProcess, startDemoServer } from '../bench/server-process.js';
export { DEMO_STAFF_PASSWORD, DEMO_STAFF_TOTP_SECRETS } from '../demo/demo-accounts.js';
export { totpCode } from '../security/totp.js';
export { codeIn, latestMessage, messagesTo, tokenIn } from './outbox.js';
export { loginStaffWithTotp } from './staff-login.js';
export { asFileTamperer } from './tamper.js';
export { createTestServer, ManualClock } from './test-server.js';
