-- Priorities, profiles and callback configurations. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Every table has a "seq" identity column: lists are "oldest first" by it, whatever the clock says.

-- A priority: a named order of at most two channels. Names are unique per account.
create table priority (
    id         uuid primary key,
    account_id varchar(64)  not null references account (id),
    name       varchar(256) not null,
    seq        bigint generated always as identity,
    constraint priority_name_unique unique (account_id, name)
);

-- The channel entries of a priority, in the order the client gave them; no channel twice.
create table priority_channel (
    priority_id uuid        not null references priority (id) on delete cascade,
    position    integer     not null,
    channel     varchar(16) not null,
    priority_rank integer   not null,
    primary key (priority_id, position),
    constraint priority_channel_once unique (priority_id, channel)
);

-- A profile: the rules of generated codes and the templates per channel. Names are unique per account.
create table profile (
    id              uuid primary key,
    account_id      varchar(64)  not null references account (id),
    name            varchar(256) not null,
    attempts        integer      not null,
    otp_code_length integer      not null,
    alphanumeric    boolean      not null,
    seq             bigint generated always as identity,
    constraint profile_name_unique unique (account_id, name)
);

-- The channels of a profile, in the order the client gave them; each channel once.
create table profile_channel (
    profile_id uuid        not null references profile (id) on delete cascade,
    position   integer     not null,
    channel    varchar(16) not null,
    primary key (profile_id, position),
    constraint profile_channel_once unique (profile_id, channel)
);

-- The templates of a profile's channel, by name, at most one per language, in the order given.
create table profile_template (
    profile_id    uuid         not null,
    channel       varchar(16)  not null,
    position      integer      not null,
    language      varchar(16)  not null,
    template_name varchar(256) not null,
    primary key (profile_id, channel, position),
    constraint profile_template_one_per_language unique (profile_id, channel, language),
    constraint profile_template_channel foreign key (profile_id, channel)
        references profile_channel (profile_id, channel) on delete cascade
);
-- "Which profiles use this template?" is asked before every template deletion.
create index profile_template_by_name on profile_template (template_name, channel);

-- Where delivery events are posted. profile_id null means "events of every profile". A unique index treats
-- NULLs as different, so uniqueness of (url, profile) is kept on profile_scope: the profile id as text, or
-- the empty string for "every profile". Deleting a profile deletes the configurations scoped to it.
create table callback_configuration (
    id            uuid primary key,
    account_id    varchar(64)   not null references account (id),
    url           varchar(2048) not null,
    profile_id    uuid references profile (id) on delete cascade,
    profile_scope varchar(36)   not null,
    seq           bigint generated always as identity,
    constraint callback_configuration_unique unique (account_id, url, profile_scope)
);
create index callback_configuration_by_profile on callback_configuration (account_id, profile_id);

-- The custom headers of a callback configuration, in the order given.
create table callback_header (
    callback_id uuid          not null references callback_configuration (id) on delete cascade,
    position    integer       not null,
    header_name  varchar(256)  not null,
    header_value varchar(1024) not null,
    primary key (callback_id, position)
);
