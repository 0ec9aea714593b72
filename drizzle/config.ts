import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database: `npm run db:generate`.
export default defineConfig({
	// schema.ts re-exports the tables kept in schema-<domain>.ts files; drizzle-kit reads each file.
	schema: ['./src/lib/server/db/schema.ts', './src/lib/server/db/schema-*.ts'],
	out: './drizzle',
	dialect: 'postgresql',
	strict: true,
	verbose: true
});
