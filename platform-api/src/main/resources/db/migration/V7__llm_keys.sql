-- An org's own LLM provider key, used instead of the platform key. The key is AES-256-GCM encrypted
-- by the application (nonce || ciphertext || tag, the org id as associated data); key_id names the
-- key-encryption key that sealed it. No API ever returns it.
create table org_llm_keys (
    org_id            uuid primary key references orgs (id) on delete cascade,
    api_key_encrypted bytea       not null check (octet_length(api_key_encrypted) > 28),
    key_id            text        not null,
    base_url          text,
    model             text,
    updated_by        uuid references users (id) on delete set null,
    updated_at        timestamptz not null default now()
);
comment on table org_llm_keys is 'Org LLM keys, encrypted. [app: select, insert, update, delete]';

alter table org_llm_keys enable row level security;
alter table org_llm_keys force row level security;
create policy org_llm_keys_tenant on org_llm_keys
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());
