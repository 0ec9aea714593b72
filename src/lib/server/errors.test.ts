import { describe, expect, it } from 'vitest';
import { describeUnexpectedError } from './errors';

const ID = '6f1c2a4e-0000-4000-8000-000000000000';

describe('describeUnexpectedError', () => {
	it('says the id, the route, the kinds of error and where, never a message', () => {
		const cause = Object.assign(new Error('invalid byte sequence: "jean@example.fr\u0000"'), {
			name: 'PostgresError',
			code: '22021'
		});
		const error = new Error(
			'Failed query: select * from users where email = $1\nparams: jean@example.fr',
			{ cause }
		);
		const line = describeUnexpectedError(ID, '/login', 500, error);
		expect(line).toContain(ID);
		expect(line).toContain('500 on route /login');
		expect(line).toContain('Error ← PostgresError 22021');
		expect(line).toMatch(/\n {4}at /);
		expect(line).not.toContain('example.fr');
		expect(line).not.toContain('Failed query');
	});

	it('keeps out a message line made to look like a stack frame', () => {
		const error = new Error('nope\n    at jean@example.fr (x:1:1)');
		expect(describeUnexpectedError(ID, null, 500, error)).not.toContain('example.fr');
	});

	it('copes with what is not an Error', () => {
		expect(describeUnexpectedError(ID, '/', 500, 'jean@example.fr')).toBe(
			`[error ${ID}] 500 on route /: string`
		);
		expect(describeUnexpectedError(ID, '/', 500, null)).toContain(': null');
		expect(describeUnexpectedError(ID, '/', 500, { code: 'ECONNREFUSED' })).toContain(
			'Object ECONNREFUSED'
		);
	});
});
