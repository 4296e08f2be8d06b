-- Tool plugins: the platform-wide switch per plugin (admins), the per-org switch (owners), and a
-- record of every run. A plugin without a row is enabled.
create table plugin_switches (
    plugin_id  text primary key,
    enabled    boolean     not null,
    changed_by uuid references users (id),
    changed_at timestamptz not null default now()
);
comment on table plugin_switches is 'Platform-wide plugin switches. [app: select, insert, update]';

create table org_plugin_switches (
    org_id     uuid        not null references orgs (id) on delete cascade,
    plugin_id  text        not null,
    enabled    boolean     not null,
    changed_by uuid references users (id),
    changed_at timestamptz not null default now(),
    primary key (org_id, plugin_id)
);
comment on table org_plugin_switches is 'Per-org plugin switches. [app: select, insert, update]';

-- One row per plugin per run: what ran, how it ended, what it found and which edits were applied.
create table plugin_runs (
    id             uuid primary key,
    org_id         uuid        not null references orgs (id) on delete cascade,
    run_ref        text        not null,
    plugin_id      text        not null,
    plugin_version text        not null,
    outcome        text        not null
        check (outcome in ('succeeded', 'failed', 'timed_out', 'invalid_result', 'no_credits')),
    error          text,
    duration_ms    bigint      not null,
    diagnostics    jsonb       not null,
    edits_applied  jsonb       not null,
    edits_rejected jsonb       not null,
    credits        bigint      not null default 0,
    started_at     timestamptz not null
);
create index plugin_runs_org on plugin_runs (org_id, started_at desc);
comment on table plugin_runs is 'Plugin runs, immutable. [app: select, insert]';

alter table org_plugin_switches enable row level security;
alter table org_plugin_switches force row level security;
create policy org_plugin_switches_tenant on org_plugin_switches
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table plugin_runs enable row level security;
alter table plugin_runs force row level security;
create policy plugin_runs_tenant on plugin_runs
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());
