/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native driver and the Prisma runtime stay outside the server bundle; so does pdf.js, which loads
  // its worker module from its own package directory.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@prisma/client", "pdfjs-dist"],
  poweredByHeader: false,
};

export default nextConfig;
