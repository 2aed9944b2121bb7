/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native driver and the Prisma runtime stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
};

export default nextConfig;
