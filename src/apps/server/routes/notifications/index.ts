import addRecipients from './addRecipients';
import confirmRecipient from './confirmRecipient';
import getNotificationSettings from './getNotificationSettings';
import getUnreadCount from './getUnreadCount';
import listInbox from './listInbox';
import listSandboxMail from './listSandboxMail';
import markNotificationsRead from './markNotificationsRead';
import removeRecipient from './removeRecipient';
import updateThresholds from './updateThresholds';

/** Notification centre, recipients, thresholds and the sandbox mailbox (issue 11). */
export const notificationRoutes = [
  listInbox,
  getUnreadCount,
  markNotificationsRead,
  getNotificationSettings,
  addRecipients,
  removeRecipient,
  confirmRecipient,
  updateThresholds,
  listSandboxMail,
] as const;
