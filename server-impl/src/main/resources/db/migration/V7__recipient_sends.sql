-- The limit of sends per recipient: the times of an account's recent sends to a number, one row per account and
-- number. A send locks the row (select ... for update) while it decides, so concurrent sends to one number are
-- counted one after the other, also by servers that share the database. Kept apart from the OTPs: deleting an
-- OTP does not give its send back.
create table recipient_sends (
    account_id   varchar(64) not null references account (id),
    to_number    varchar(16) not null,
    -- the newest sends within the window (at most the limit's count, 1000), in milliseconds since the epoch of
    -- the server's clock, oldest first, separated by commas
    recent_sends varchar(14000) not null,
    primary key (account_id, to_number)
);
