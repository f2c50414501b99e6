import { randomBytes } from "node:crypto";

import postgres from "postgres";
import { inject } from "vitest";

import { createDatabase, type DatabaseHandle } from "~/db";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the real server named by TEST_DATABASE_URL (dropped again afterwards).
 */
export interface TestDatabase extends DatabaseHandle {
  /** The database's URL on a real server (unset on PGlite). */
  url?: string;
  destroy(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = new Blob([Buffer.from(inject("pgliteTemplateBase64"), "base64")]);
    const handle = createDatabase({ pgliteTemplate: template });
    return { ...handle, destroy: () => handle.close() };
  }
  const name = `practica_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDatabase({ url: url.toString(), poolSize: 20 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const onRealPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
