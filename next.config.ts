import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database drivers load WASM and native sockets at run time; keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
