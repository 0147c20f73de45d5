import { z } from 'zod';
import { NOTIFICATION_CATEGORIES } from '../domain/notifications/types';
import { defineContract, pageOf, pageQuery } from './http';

export const notificationCategory = z.enum(NOTIFICATION_CATEGORIES);

export const inboxItem = z.object({
  eventId: z.string().uuid(),
  type: z.string(),
  category: notificationCategory,
  severity: z.enum(['alert', 'recovery', 'info']),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const listInbox = defineContract({
  method: 'GET',
  path: '/api/notifications',
  summary: 'The caller’s notification centre, newest first',
  tags: ['notifications'],
  query: pageQuery,
  response: pageOf(inboxItem).extend({ unreadCount: z.number().int() }),
});

export const getUnreadCount = defineContract({
  method: 'GET',
  path: '/api/notifications/unread-count',
  summary: 'How many of the caller’s notifications are unread (the bell)',
  tags: ['notifications'],
  response: z.object({ unreadCount: z.number().int() }),
});

export const markNotificationsRead = defineContract({
  method: 'POST',
  path: '/api/notifications/read',
  summary: 'Mark notifications read (all of them when eventIds is absent)',
  tags: ['notifications'],
  body: z.object({ eventIds: z.array(z.string().uuid()).max(500).optional() }),
  response: z.object({ markedCount: z.number().int(), unreadCount: z.number().int() }),
});

export const recipientSummary = z.object({
  id: z.string().uuid(),
  category: notificationCategory,
  email: z.string(),
  isUser: z.boolean(),
  status: z.enum(['active', 'awaiting_confirmation']),
  createdAt: z.string(),
});
export type RecipientSummary = z.infer<typeof recipientSummary>;

export const notificationSettings = z.object({
  primaryAdmins: z.array(z.string()),
  recipients: z.array(recipientSummary),
  thresholds: z.object({
    expiryWarningDays: z.array(z.number().int().min(1).max(89)).min(1).max(4),
    visitDropPercent: z.number().int().min(1).max(100),
    minTrackedPages: z.number().int().min(1).max(1000),
    syncDelayHours: z.number().int().min(1).max(23),
  }),
  canManagePrivacyRecipients: z.boolean(),
});

export const getNotificationSettings = defineContract({
  method: 'GET',
  path: '/api/notifications/settings',
  summary: 'Recipients per notification type and alert thresholds',
  tags: ['notifications'],
  response: notificationSettings,
});

export const addRecipients = defineContract({
  method: 'POST',
  path: '/api/notifications/recipients',
  summary: 'Add recipients (comma-separated e-mails); outside addresses confirm by link',
  tags: ['notifications'],
  body: z.object({ category: notificationCategory, emails: z.string().trim().min(1).max(4000) }),
  response: z.object({ added: z.array(recipientSummary), alreadyListed: z.array(z.string()) }),
  successStatus: 201,
});

export const removeRecipient = defineContract({
  method: 'DELETE',
  path: '/api/notifications/recipients/:recipientId',
  summary: 'Remove a recipient',
  tags: ['notifications'],
  params: z.object({ recipientId: z.string().uuid() }),
  response: z.object({ removed: recipientSummary }),
});

/** Path of the page the confirmation e-mail links to (web/src/pages/ConfirmRecipientPage.tsx): it posts the token below. */
export const CONFIRM_RECIPIENT_PAGE_PATH = '/notifications/confirm';

export const confirmRecipient = defineContract({
  method: 'POST',
  path: '/api/notifications/recipients/confirm',
  summary: 'Confirms an outside recipient’s address (the page the confirmation e-mail links to posts its token here)',
  tags: ['notifications'],
  body: z.object({ token: z.string().min(20).max(200) }),
  response: z.object({ email: z.string(), categoryLabel: z.string() }),
});

export const updateThresholds = defineContract({
  method: 'PUT',
  path: '/api/notifications/thresholds',
  summary: 'Change the alert thresholds',
  tags: ['notifications'],
  body: notificationSettings.shape.thresholds,
  response: notificationSettings.shape.thresholds,
});

export const sandboxMail = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  messageId: z.string().nullable(),
});

export const listSandboxMail = defineContract({
  method: 'GET',
  path: '/api/sandbox/mailbox',
  summary: 'Sandbox mode: the messages the local SMTP server received for this organisation’s people',
  tags: ['notifications'],
  response: z.object({ isAvailable: z.boolean(), items: z.array(sandboxMail) }),
});
