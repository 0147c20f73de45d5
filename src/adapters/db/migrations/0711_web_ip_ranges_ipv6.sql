-- IPv6 in the org's IP-range file (issue 11): a range is now two points on one 128-bit line. IPv4 addresses are
-- their IPv4-mapped IPv6 addresses (::ffff:a.b.c.d = 281470681743360 + the IPv4 number), so one sorted list holds
-- both families. Shifting every stored IPv4 range by that base cannot collide: all old values are below 2^32.
ALTER TABLE web_ip_ranges ALTER COLUMN range_start TYPE numeric(39, 0), ALTER COLUMN range_end TYPE numeric(39, 0);
UPDATE web_ip_ranges SET range_start = range_start + 281470681743360, range_end = range_end + 281470681743360;
