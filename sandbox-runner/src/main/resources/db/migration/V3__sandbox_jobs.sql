-- Sandbox jobs as the worker sees them: one row per job id, claimed with a lease while it runs,
-- and its result once done, so a redelivered job is answered again instead of run again.
-- Platform-internal (keyed by job id, not readable through any API): no row level security.
create table sandbox_jobs (
    job_id        text primary key,
    tenant        text        not null,
    status        text        not null check (status in ('running', 'done')),
    claimed_until timestamptz not null,
    result        text,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz
);
comment on table sandbox_jobs is 'Sandbox job claims and results. [app: select, insert, update]';
