CREATE TABLE "import_rows" (
	"import_id" integer NOT NULL,
	"line" integer NOT NULL,
	"outcome" text NOT NULL,
	"writes" boolean NOT NULL,
	"row" jsonb NOT NULL,
	CONSTRAINT "import_rows_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The rows of the imports made before this migration move from imports.report (one jsonb of
-- several megabytes for a 10,000-row file) to one import_rows row each.
INSERT INTO "import_rows" ("import_id", "line", "outcome", "writes", "row")
	SELECT i."id", (r."value"->>'line')::integer, r."value"->>'outcome', r."value" ? 'values', r."value"
	FROM "imports" i, jsonb_array_elements(i."report"->'rows') AS r
	WHERE jsonb_typeof(i."report"->'rows') = 'array'
	ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "imports" SET "report" = "report" - 'rows' WHERE "report" ? 'rows';
