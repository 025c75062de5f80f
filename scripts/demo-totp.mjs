#!/usr/bin/env node
// DEMO ONLY. `pnpm demo:totp demo.agent` prints the current authenticator code of a demo staff
// user (their TOTP secrets are published in the README), for `pulih login` in a demo.
import { DEMO_STAFF_TOTP_SECRETS, totpCode } from '../packages/api/dist/test-support/index.js';

const username = process.argv[2] ?? '';
const secret = DEMO_STAFF_TOTP_SECRETS[username];
if (!secret) {
  console.error(`demo:totp: give one of ${Object.keys(DEMO_STAFF_TOTP_SECRETS).join(', ')}`);
  process.exit(2);
}
console.log(totpCode(secret, new Date()));
