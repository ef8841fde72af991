export * from './message.js';
export * from './complaint.js';
export * from './finding.js';
export * from './case.js';
