-- Accounts: every resource belongs to one. An account is created when the server starts with an API key for it.
create table account (
    id         varchar(64) primary key,
    created_at timestamp with time zone not null
);
