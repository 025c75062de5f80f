export * from './bank-account.js';
export * from './contribution-due.js';
export * from './employment-report.js';
export * from './jht-claim.js';
export * from './jht-claim-lifecycle.js';
export * from './jht-contribution.js';
export {
  addDaysToDate,
  addMonthsToDate,
  anniversaryOf,
  type IsoPeriod,
  periodFromIndex,
  periodIndex,
  wholeYearsOn,
} from './jht-dates.js';
export * from './jht-settings.js';
export * from './jht-statement.js';
export * from './jht-tax.js';
export * from './membership-status.js';
export * from './membership-status-change.js';
export * from './participation.js';
