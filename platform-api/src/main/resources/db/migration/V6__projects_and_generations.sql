-- Projects of an org, and the generations that build them. A project's files and versions live in
-- its git repository (KILN_HOME/repos/<project>.git); the row keeps what must be checked race-free:
-- the head commit and the sha of the manifest it was generated from.
create table projects (
    id            uuid primary key,
    org_id        uuid        not null references orgs (id) on delete cascade,
    name          text        not null,
    created_by    uuid        not null references users (id),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    head          text,
    manifest_sha  text
);
create index projects_org on projects (org_id, created_at desc);
comment on table projects is 'Projects. [app: select, insert, update, delete]';

create table generations (
    id           uuid primary key,
    org_id       uuid        not null references orgs (id) on delete cascade,
    project_id   uuid        not null references projects (id) on delete cascade,
    kind         text        not null check (kind in ('first', 'edit')),
    prompt       text        not null,
    status       text        not null
        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    stage        text,
    estimate     bigint      not null,
    hold_id      uuid,
    version      text,
    error        text,
    charged      bigint,
    created_by   uuid        not null references users (id),
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    claimed_until timestamptz
);
create index generations_project on generations (project_id, created_at desc);
comment on table generations is 'Generations. [app: select, insert, update]';

alter table projects enable row level security;
alter table projects force row level security;
create policy projects_tenant on projects
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table generations enable row level security;
alter table generations force row level security;
create policy generations_tenant on generations
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());
