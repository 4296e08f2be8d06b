-- Which generator planned a generation (the deterministic template engine or a model through the
-- LLM gateway) and the tokens its model requests used: what an LLM generation is metered by.
alter table generations
    add column generator         text   not null default 'template'
        check (generator in ('template', 'llm')),
    add column own_key           boolean not null default false,
    add column prompt_tokens     bigint not null default 0 check (prompt_tokens >= 0),
    add column completion_tokens bigint not null default 0 check (completion_tokens >= 0);
