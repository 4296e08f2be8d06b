-- The transactional outbox: a message is a row written in the same transaction as the state change
-- it announces; the relay publishes committed rows to Kafka and marks them published. Platform-
-- internal (no org_id, never readable through the API): no row level security.
create table outbox (
    id              bigserial primary key,
    topic           text        not null,
    key             text,
    payload         text        not null,
    headers         jsonb       not null default '{}',
    created_at      timestamptz not null default clock_timestamp(),
    published_at    timestamptz,
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default clock_timestamp()
);
create index outbox_pending on outbox (id) where published_at is null;
create index outbox_published on outbox (published_at) where published_at is not null;
comment on table outbox is
    'Messages waiting for (or kept after) publication. [app: select, insert, update, delete]';

-- Live generation events: one stream per generation, seq strictly increasing from 1 without gaps.
-- The stream row holds the last seq; appending updates it, so appenders to one generation queue
-- on its row lock and a rolled-back append gives its seq back.
create table generation_streams (
    generation_id uuid primary key,
    org_id        uuid        not null references orgs (id) on delete cascade,
    project_id    uuid        not null,
    last_seq      bigint      not null check (last_seq > 0),
    updated_at    timestamptz not null default now()
);
create index generation_streams_org on generation_streams (org_id);
comment on table generation_streams is
    'The last seq of each generation''s event stream. [app: select, insert, update]';

create table generation_events (
    generation_id uuid        not null references generation_streams (generation_id) on delete cascade,
    seq           bigint      not null check (seq > 0),
    org_id        uuid        not null references orgs (id) on delete cascade,
    project_id    uuid        not null,
    type          text        not null,
    stage         text,
    at            timestamptz not null,
    data          jsonb       not null default '{}',
    primary key (generation_id, seq)
);
create index generation_events_project on generation_events (project_id, at, generation_id, seq);
create index generation_events_org on generation_events (org_id);
comment on table generation_events is 'Generation events, immutable. [app: select, insert]';

alter table generation_streams enable row level security;
alter table generation_streams force row level security;
create policy generation_streams_tenant on generation_streams
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table generation_events enable row level security;
alter table generation_events force row level security;
create policy generation_events_tenant on generation_events
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

-- WebSocket tickets: short-lived, single-use, bound to a user, stored hashed so any instance can
-- redeem one. Platform-internal like refresh tokens: no org, no row level security.
create table ws_tickets (
    ticket_hash text primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index ws_tickets_expiry on ws_tickets (expires_at);
comment on table ws_tickets is 'WebSocket tickets. [app: select, insert, update, delete]';
