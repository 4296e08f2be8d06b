/** @type {import("next").NextConfig} */
const nextConfig = {
  // A static site: the preview serves the out/ folder as it is.
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  // Kiln's live preview serves `next dev` on its own origin (KILN_PREVIEW_HOSTS, e.g.
  // "*.preview.localhost"); the dev server answers only the origins listed here.
  allowedDevOrigins: (process.env.KILN_PREVIEW_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim())
    .filter(Boolean),
};

export default nextConfig;
