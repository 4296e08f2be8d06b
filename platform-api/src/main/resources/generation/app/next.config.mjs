/** @type {import("next").NextConfig} */
const nextConfig = {
  // A static site: the preview serves the out/ folder as it is.
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
};

export default nextConfig;
