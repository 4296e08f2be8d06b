/**
 * The team studio web app (React + TypeScript, built with Vite), packaged as a jar of static files.
 *
 * <p>The app's sources are the npm project at the module's root ({@code src/app}, {@code
 * src/features}...); the build puts it in {@code static/} of this jar, which platform-api serves.
 */
package dev.kiln.studio;
