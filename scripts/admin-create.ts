/**
 * `npm run admin:create -- --email admin@example.fr [--password …]`: creates an administrator
 * in the database of DATABASE_URL (or the embedded one). Without --password it is asked for,
 * twice, without echo. The password policy of every account applies.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { describeTarget, openDatabase, targetFromEnv } from '../src/lib/server/db/client';
import { createAdmin } from '../src/lib/server/admin/team';

const { values } = parseArgs({
	options: { email: { type: 'string' }, password: { type: 'string' } }
});
if (!values.email) {
	console.error('Usage: npm run admin:create -- --email <address> [--password <password>]');
	process.exit(2);
}

/** Reads a line from the terminal without showing it. */
function askHidden(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const out = rl as unknown as {
			_writeToOutput: (s: string) => void;
			output: NodeJS.WriteStream;
		};
		let asked = false;
		out._writeToOutput = (s: string) => {
			if (!asked) {
				out.output.write(s);
				asked = true;
			}
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

let password = values.password;
if (password === undefined) {
	if (!process.stdin.isTTY) {
		console.error('No terminal to ask the password: pass --password.');
		process.exit(2);
	}
	password = await askHidden('Password: ');
	if ((await askHidden('Password again: ')) !== password) {
		console.error('The two passwords differ.');
		process.exit(1);
	}
}

const target = targetFromEnv();
const handle = await openDatabase(target);
try {
	await handle.migrate();
	const result = await createAdmin(handle.db, { email: values.email, password });
	if (!result.ok) {
		const messages: Record<string, string> = {
			required: 'required',
			email_invalid: 'not a valid e-mail address',
			email_taken: 'an account with this address already exists',
			password_too_short: 'too short (at least 12 characters)',
			password_too_long: 'too long',
			password_common: 'too common',
			password_is_email: 'must not be the e-mail address'
		};
		for (const [field, code] of Object.entries(result.errors)) {
			if (code) console.error(`${field}: ${messages[code] ?? code}`);
		}
		process.exitCode = 1;
	} else {
		console.log(`Administrator ${values.email} created in ${describeTarget(target)}.`);
	}
} finally {
	await handle.close();
}
