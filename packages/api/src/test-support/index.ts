export { createTestServer, ManualClock } from './test-server.js';
