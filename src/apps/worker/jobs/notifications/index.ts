import deliverNotification from './deliverNotification';
import evaluateAlerts from './evaluateAlerts';
import evaluateAllAlerts from './evaluateAllAlerts';
import sweepOutbox from './sweepOutbox';

/** The notification jobs, spread into apps/worker/jobs.ts. */
export const notificationJobs = [deliverNotification, sweepOutbox, evaluateAlerts, evaluateAllAlerts] as const;
