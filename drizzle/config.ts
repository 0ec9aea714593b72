import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database: `npm run db:generate`.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql',
	strict: true,
	verbose: true
});
