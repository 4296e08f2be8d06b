-- The verification of a version: its build (typecheck, next build) and its smoke test in the
-- sandbox (every route of the manifest opened in Chromium), with a screenshot of each page. Only a
-- verified version may be exported. Written once per built version; a rebuild replaces it.
create table version_checks (
    org_id         uuid        not null references orgs (id) on delete cascade,
    project_id     uuid        not null references projects (id) on delete cascade,
    version        text        not null,
    generation_id  uuid,
    verified       boolean     not null,
    step           text        not null,
    errors         jsonb       not null,
    report         jsonb,
    checked_at     timestamptz not null default now(),
    primary key (project_id, version)
);
comment on table version_checks is 'Verifications of versions. [app: select, insert, update, delete]';

create table version_screenshots (
    org_id      uuid  not null references orgs (id) on delete cascade,
    project_id  uuid  not null,
    version     text  not null,
    ordinal     int   not null check (ordinal > 0),
    route       text  not null,
    png         bytea not null,
    primary key (project_id, version, ordinal),
    foreign key (project_id, version) references version_checks (project_id, version)
        on delete cascade
);
comment on table version_screenshots is 'Smoke-test screenshots. [app: select, insert, delete]';

alter table version_checks enable row level security;
alter table version_checks force row level security;
create policy version_checks_tenant on version_checks
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table version_screenshots enable row level security;
alter table version_screenshots force row level security;
create policy version_screenshots_tenant on version_screenshots
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());
