/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native drivers and pino's worker threads must be required at runtime, not bundled.
  serverExternalPackages: ["@duckdb/node-api", "@databricks/sql", "better-sqlite3", "pino", "pino-pretty"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Headers for every response, static files included; the page CSP is set per request by the proxy.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // The icon's link carries a hash of its content (`/icon.svg?icon.<hash>.svg`), so a changed icon is a
        // new URL: browsers may keep it instead of asking again on every client-side navigation.
        source: "/icon.svg",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
