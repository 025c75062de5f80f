export * from './blocking.js';
export * from './compare.js';
export * from './engine.js';
export * from './names.js';
export * from './record.js';
