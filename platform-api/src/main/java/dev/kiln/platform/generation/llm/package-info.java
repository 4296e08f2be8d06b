/**
 * The LLM gateway: one client for every OpenAI-compatible provider, with structured output,
 * streaming, retries, metering, per-org keys encrypted at rest, and secrets redacted from prompts.
 */
package dev.kiln.platform.generation.llm;
