/**
 * `npm run db:reference -- drizzle/NNNN_name.sql`: writes into a custom migration (made first
 * with `npx drizzle-kit generate --custom --name=… --config drizzle/config.ts`) the SQL that
 * brings the `attractions` table to the list in src/lib/server/reference/attractions.ts: every
 * attraction inserted or updated by its slug, those no longer listed deleted. Deterministic
 * (list order, plain literals), so the same list always gives the same file; runs on PGlite and
 * PostgreSQL alike.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { ATTRACTIONS } from '../src/lib/server/reference/attractions';

const file = process.argv[2];
if (!file || !file.endsWith('.sql') || !existsSync(file)) {
	console.error(
		'Usage: npm run db:reference -- drizzle/NNNN_name.sql (an existing custom migration)'
	);
	process.exit(2);
}

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
const number = (value: number) => {
	if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
	return String(value);
};

const rows = ATTRACTIONS.map(
	(a) =>
		`\t(${[text(a.slug), text(a.nameFr), text(a.nameZh), text(a.kind), number(a.lat), number(a.lon)].join(', ')})`
);
const statements = [
	`-- The attractions of src/lib/server/reference/attractions.ts (reference data, in every
-- database), written by \`npm run db:reference\`: inserted, or updated by slug; others deleted.
INSERT INTO "attractions" ("slug", "name_fr", "name_zh", "kind", "latitude", "longitude") VALUES
${rows.join(',\n')}
ON CONFLICT ("slug") DO UPDATE SET
	"name_fr" = EXCLUDED."name_fr",
	"name_zh" = EXCLUDED."name_zh",
	"kind" = EXCLUDED."kind",
	"latitude" = EXCLUDED."latitude",
	"longitude" = EXCLUDED."longitude";`,
	`DELETE FROM "attractions" WHERE "slug" NOT IN (${ATTRACTIONS.map((a) => text(a.slug)).join(', ')});`
];
writeFileSync(file, statements.join('\n--> statement-breakpoint\n') + '\n');
console.log(`${file}: ${ATTRACTIONS.length} attractions`);
