-- Web visits, third pass at what each stored row costs (issue 11; 0712 and 0713 were the first two): columns written
-- on every visit and read nowhere go.
-- * received_at: nothing reads when the server received a visit; visited_at (the client's time, or the server's when
--   the client's is off by more than a day) is what every reader counts and sorts by.
-- * company_name: the account details page reads a company's visits by company_id and shows the name it already has.
-- * ip: visits resolve to a company when they arrive; nothing re-resolves stored visits after a new IP-range import,
--   and a raw address kept for no reader is personal data the privacy opt-out had to delete.
ALTER TABLE web_visits DROP COLUMN received_at, DROP COLUMN company_name, DROP COLUMN ip;
