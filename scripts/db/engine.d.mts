// Types for engine.mjs (Keyfront's migration engine on the Prisma schema engine compiled to WebAssembly).

/** Absolute path of prisma/schema.prisma. */
export declare const DEFAULT_SCHEMA_PATH: string;
/** Absolute path of prisma/migrations. */
export declare const DEFAULT_MIGRATIONS_DIR: string;
export declare const LOCKFILE_NAME: "migration_lock.toml";
/** Content of a new migration_lock.toml (provider = "postgresql"). */
export declare const LOCKFILE_CONTENT: string;

export interface MigrationsDirOptions {
  /** Defaults to DEFAULT_MIGRATIONS_DIR. */
  migrationsDir?: string;
}

export interface SchemaOptions {
  /** Defaults to DEFAULT_SCHEMA_PATH. */
  schemaPath?: string;
}

export interface MigrationStatus {
  /** Finished and not rolled back, in the order they ran. */
  applied: string[];
  /** In the migrations folder, never applied. */
  pending: string[];
  /** Started but not finished: the database needs repair before new migrations apply. */
  failed: string[];
  /** Recorded in the database but missing from the migrations folder. */
  unknown: string[];
  /** Applied, but migration.sql changed since (checksum differs). */
  edited: string[];
}

/** The migrations folder in the shape the schema engine takes. */
export declare function readMigrations(migrationsDir?: string): {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: "ok"; value: string } | { tag: "error"; value: string } };
  }[];
};

/** Applies the pending migrations like `prisma migrate deploy`; returns the names applied now. */
export declare function applyMigrations(databaseUrl: string, options?: MigrationsDirOptions): Promise<string[]>;

/** Compares the migrations folder with `_prisma_migrations`. */
export declare function migrationStatus(databaseUrl: string, options?: MigrationsDirOptions): Promise<MigrationStatus>;

/**
 * SQL of the next migration (migrations folder → schema), '' when nothing changed. The folder is
 * replayed on a temporary database created on the same server and dropped afterwards.
 */
export declare function createMigrationSql(
  databaseUrl: string,
  options?: SchemaOptions & MigrationsDirOptions,
): Promise<string>;

/** SQL that would make the live database match the schema, '' when it already does. */
export declare function driftSql(databaseUrl: string, options?: SchemaOptions): Promise<string>;
