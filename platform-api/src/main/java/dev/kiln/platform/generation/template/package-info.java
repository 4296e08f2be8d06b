/**
 * The deterministic template engine: plans an app manifest from a plain-language prompt, revises it
 * from follow-ups, and renders it into SQL, OpenAPI, UI JSON and a complete Next.js project. Plain
 * classes, no Spring; {@link dev.kiln.platform.generation.template.TemplateEngine} is the entry
 * point.
 */
package dev.kiln.platform.generation.template;
