-- Identity: users are global (not tenant-owned); signing keys and refresh tokens belong to the platform.
create table users (
    id               uuid primary key,
    email            text        not null unique,
    name             text        not null,
    password_hash    text,
    admin            boolean     not null default false,
    external_issuer  text,
    external_subject text,
    created_at       timestamptz not null default now(),
    unique (external_issuer, external_subject)
);

create table signing_keys (
    kid         text primary key,
    private_key text        not null,
    public_jwk  text        not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);

create table refresh_tokens (
    token_hash text primary key,
    family_id  uuid        not null,
    user_id    uuid        not null references users (id) on delete cascade,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);

-- Tenancy: an organization is a tenant; every tenant-owned table carries org_id and is guarded by
-- row level security keyed on transaction-local settings the application sets per request.
create function kiln_current_org() returns uuid
    language sql stable as
$$ select nullif(current_setting('kiln.org_id', true), '')::uuid $$;

create function kiln_current_user() returns uuid
    language sql stable as
$$ select nullif(current_setting('kiln.user_id', true), '')::uuid $$;

create table orgs (
    id         uuid primary key,
    name       text        not null,
    personal   boolean     not null default false,
    created_at timestamptz not null default now()
);

create table memberships (
    org_id     uuid        not null references orgs (id) on delete cascade,
    user_id    uuid        not null references users (id) on delete cascade,
    role       text        not null check (role in ('owner', 'editor', 'viewer')),
    created_at timestamptz not null default now(),
    primary key (org_id, user_id)
);
create index memberships_user on memberships (user_id);

create table invitations (
    id          uuid primary key,
    org_id      uuid        not null references orgs (id) on delete cascade,
    email       text        not null,
    role        text        not null check (role in ('owner', 'editor', 'viewer')),
    token_hash  text        not null unique,
    invited_by  uuid        not null references users (id),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid references users (id),
    revoked_at  timestamptz,
    created_at  timestamptz not null default now()
);
create index invitations_org on invitations (org_id);

-- A member sees the orgs and memberships of the current org, and their own memberships (to list
-- their orgs); writes are confined to the current org.
alter table memberships enable row level security;
alter table memberships force row level security;
create policy memberships_tenant on memberships
    using (org_id = kiln_current_org() or user_id = kiln_current_user())
    with check (org_id = kiln_current_org());

alter table orgs enable row level security;
alter table orgs force row level security;
create policy orgs_tenant on orgs
    using (id = kiln_current_org()
        or exists (select 1 from memberships m where m.org_id = orgs.id and m.user_id = kiln_current_user()))
    with check (id = kiln_current_org());

-- An invitation is visible to its org, or to whoever presents its token (the hash set for this
-- transaction only), so an invitee can accept without seeing any other tenant's rows.
alter table invitations enable row level security;
alter table invitations force row level security;
create policy invitations_tenant on invitations
    using (org_id = kiln_current_org()
        or token_hash = nullif(current_setting('kiln.invitation_token', true), ''))
    with check (org_id = kiln_current_org());
