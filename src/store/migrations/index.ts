import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T0100-initial.js';
import * as listingDecisions from './20261124T0900-listing-decisions.js';
import * as slack from './20261125T1000-slack.js';
import * as leases from './20261126T0900-leases.js';
import * as queueIndexes from './20261126T1000-queue-indexes.js';
import * as caseIprType from './20261127T0900-case-ipr-type.js';
import * as queueAtScale from './20261128T0900-queue-at-scale.js';
import * as statsIndexes from './20261128T0930-stats-indexes.js';
import * as webhookDeliveries from './20261129T1100-webhook-deliveries.js';
import * as savedViews from './20261129T0900-saved-views.js';
import * as caseSla from './20261129T0930-case-sla.js';
import * as macros from './20261129T1000-macros.js';
import * as userDisabled from './20261129T1030-user-disabled.js';
import * as statementsOfReasons from './20261129T1100-statements-of-reasons.js';
import * as merchantNotices from './20261129T1200-merchant-notices.js';
import * as trustedFlaggersMisuse from './20261129T1210-trusted-flaggers-misuse.js';
import * as unassignedCounts from './20261129T1300-unassigned-counts.js';

/**
 * Migrations are listed here rather than read from disk so that the same
 * list runs under Node, PostgreSQL and the Workers runtime (no file system).
 * Names are timestamps so they sort in the order they were written.
 */
import * as statsTrendIndexes from './20261129T1400-stats-trend-indexes.js';
import * as keptStats from './20261129T1500-kept-stats.js';
import * as queueTrustedOrder from './20261129T1500-queue-trusted-order.js';
const migrations: Record<string, Migration> = {
  '20261123T0100-initial': initial,
  '20261124T0900-listing-decisions': listingDecisions,
  '20261125T1000-slack': slack,
  '20261126T0900-leases': leases,
  '20261126T1000-queue-indexes': queueIndexes,
  '20261127T0900-case-ipr-type': caseIprType,
  '20261128T0900-queue-at-scale': queueAtScale,
  '20261128T0930-stats-indexes': statsIndexes,
  '20261129T0900-saved-views': savedViews,
  '20261129T0930-case-sla': caseSla,
  '20261129T1000-macros': macros,
  '20261129T1030-user-disabled': userDisabled,
  '20261129T1100-webhook-deliveries': webhookDeliveries,
  '20261129T1110-statements-of-reasons': statementsOfReasons,
  '20261129T1200-merchant-notices': merchantNotices,
  '20261129T1210-trusted-flaggers-misuse': trustedFlaggersMisuse,
  '20261129T1300-unassigned-counts': unassignedCounts,
  '20261129T1400-stats-trend-indexes': statsTrendIndexes,
  '20261129T1500-kept-stats': keptStats,
  '20261129T1500-queue-trusted-order': queueTrustedOrder,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
