-- Conversational Email (issue 12), second step: an assistant's time zone (its "sent today" and daily cap count in
-- its own day), which follow-up sequence a conversation is in (null: the main sequence), and who closed a
-- human-review task with which outcome.
ALTER TABLE ce_assistants ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
ALTER TABLE ce_conversations ADD COLUMN follow_up_index integer;
ALTER TABLE ce_conversations ADD COLUMN reviewed_by text;
ALTER TABLE ce_conversations ADD COLUMN reviewed_at timestamptz;

-- Follow-up sequence e-mails are their own kind of message.
ALTER TABLE ce_messages DROP CONSTRAINT ce_messages_kind_check;
ALTER TABLE ce_messages ADD CONSTRAINT ce_messages_kind_check CHECK (kind IN ('sequence', 'follow_up', 'handoff', 'reply', 'bounce'));

-- Journal order: writes journaled in the same millisecond (a send, then a reply's outcome) merge in the order made.
ALTER TABLE ce_writes ADD COLUMN seq bigserial;
