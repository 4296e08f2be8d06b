-- Credits: a double-entry ledger per org. Every org has a wallet and four system accounts (the
-- other side of purchases, free grants, admin adjustments and usage); every movement is an
-- immutable transfer between two accounts of one org, so all balances always sum to zero.
-- A table comment "[app: ...]" lists the only privileges the application role gets on it.

create table credit_accounts (
    id      uuid primary key,
    org_id  uuid   not null,
    kind    text   not null check (kind in ('wallet', 'purchases', 'free_grants', 'adjustments', 'usage')),
    balance bigint not null default 0,
    held    bigint not null default 0 check (held >= 0),
    unique (org_id, kind),
    constraint wallet_available_never_negative
        check (kind <> 'wallet' or (balance >= 0 and balance - held >= 0))
);
comment on table credit_accounts is
    'Balances, moved only by the ledger triggers. [app: select, insert]';

create table credit_settings (
    org_id        uuid primary key,
    monthly_cap   bigint check (monthly_cap >= 0),
    frozen_reason text,
    updated_at    timestamptz not null default now()
);
comment on table credit_settings is 'Per-org spending cap and freeze. [app: select, insert, update]';

create table credit_transfers (
    id              uuid primary key,
    org_id          uuid        not null,
    idempotency_key text        not null,
    from_account    uuid        not null references credit_accounts (id),
    to_account      uuid        not null references credit_accounts (id),
    amount          bigint      not null check (amount > 0),
    kind            text        not null,
    reason          text        not null,
    operation       text,
    operation_ref   text,
    reverses        uuid references credit_transfers (id),
    created_at      timestamptz not null default clock_timestamp(),
    unique (org_id, idempotency_key),
    check (from_account <> to_account)
);
create index credit_transfers_org_time on credit_transfers (org_id, created_at desc, id desc);
create index credit_transfers_operation on credit_transfers (org_id, operation_ref);
comment on table credit_transfers is 'The immutable ledger. [app: select, insert]';

create table credit_holds (
    id              uuid primary key,
    org_id          uuid        not null,
    account_id      uuid        not null references credit_accounts (id),
    amount          bigint      not null check (amount > 0),
    status          text        not null default 'active'
        check (status in ('active', 'captured', 'released', 'expired')),
    operation       text        not null,
    operation_ref   text        not null,
    idempotency_key text        not null,
    reason          text,
    captured        bigint check (captured >= 0),
    expires_at      timestamptz not null,
    created_at      timestamptz not null default clock_timestamp(),
    settled_at      timestamptz,
    unique (org_id, idempotency_key)
);
create index credit_holds_active on credit_holds (org_id, expires_at) where status = 'active';
create index credit_holds_operation on credit_holds (org_id, operation_ref);
comment on table credit_holds is 'Reservations; settled ones are immutable. [app: select, insert, update]';

create table credit_purchases (
    id                  uuid primary key,
    org_id              uuid        not null,
    pack_id             text        not null,
    stripe_session_id   text        not null unique,
    payment_intent      text,
    status              text        not null default 'open'
        check (status in ('open', 'pending', 'paid', 'failed', 'refunded', 'disputed')),
    credits             bigint,
    credits_clawed_back bigint      not null default 0,
    amount_total        bigint,
    currency            text,
    receipt_url         text,
    created_by          uuid,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index credit_purchases_org on credit_purchases (org_id, created_at desc);
create index credit_purchases_payment_intent on credit_purchases (payment_intent);
comment on table credit_purchases is 'Stripe Checkout purchases. [app: select, insert, update]';

-- Stripe events as received: deduplication, and refunds or disputes that arrive before the
-- purchase they belong to is known wait here until it is.
create table stripe_events (
    id             text primary key,
    type           text        not null,
    payment_intent text,
    payload        text        not null,
    received_at    timestamptz not null default now(),
    processed_at   timestamptz
);
create index stripe_events_waiting on stripe_events (payment_intent) where processed_at is null;
comment on table stripe_events is 'Webhook events. [app: select, insert, update]';

create function kiln_apply_credit_transfer() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    update credit_accounts set balance = balance - new.amount
     where id = new.from_account and org_id = new.org_id;
    if not found then
        raise exception 'transfer %: source account is not an account of org %', new.id, new.org_id;
    end if;
    update credit_accounts set balance = balance + new.amount
     where id = new.to_account and org_id = new.org_id;
    if not found then
        raise exception 'transfer %: target account is not an account of org %', new.id, new.org_id;
    end if;
    return null;
end
$$;
create trigger credit_transfers_apply after insert on credit_transfers
    for each row execute function kiln_apply_credit_transfer();

create function kiln_refuse_ledger_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'credit transfers are immutable: post a reversing transfer instead';
end
$$;
create trigger credit_transfers_immutable before update or delete on credit_transfers
    for each row execute function kiln_refuse_ledger_change();

create function kiln_apply_credit_hold() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'active' then
            raise exception 'a hold starts active';
        end if;
        update credit_accounts set held = held + new.amount
         where id = new.account_id and org_id = new.org_id and kind = 'wallet';
        if not found then
            raise exception 'hold %: not a wallet of org %', new.id, new.org_id;
        end if;
        return null;
    end if;
    if new.amount <> old.amount or new.account_id <> old.account_id or new.org_id <> old.org_id
        or (old.status <> 'active' and new is distinct from old) then
        raise exception 'hold %: only an active hold may change, and only its status', old.id;
    end if;
    if old.status = 'active' and new.status <> 'active' then
        update credit_accounts set held = held - old.amount where id = old.account_id;
    end if;
    return null;
end
$$;
create trigger credit_holds_apply after insert or update on credit_holds
    for each row execute function kiln_apply_credit_hold();

alter table credit_accounts enable row level security;
alter table credit_accounts force row level security;
create policy credit_accounts_tenant on credit_accounts
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table credit_settings enable row level security;
alter table credit_settings force row level security;
create policy credit_settings_tenant on credit_settings
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table credit_transfers enable row level security;
alter table credit_transfers force row level security;
create policy credit_transfers_tenant on credit_transfers
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

alter table credit_holds enable row level security;
alter table credit_holds force row level security;
create policy credit_holds_tenant on credit_holds
    using (org_id = kiln_current_org()) with check (org_id = kiln_current_org());

-- A webhook finds its purchase by the Stripe ids it carries, set for its transaction only.
alter table credit_purchases enable row level security;
alter table credit_purchases force row level security;
create policy credit_purchases_tenant on credit_purchases
    using (org_id = kiln_current_org()
        or stripe_session_id = nullif(current_setting('kiln.stripe_session', true), '')
        or payment_intent = nullif(current_setting('kiln.stripe_payment_intent', true), ''))
    with check (org_id = kiln_current_org());
