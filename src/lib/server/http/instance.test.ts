import { describe, expect, it } from 'vitest';
import { instanceId } from './instance';

describe('instanceId', () => {
	it('is the short name of INSTANCE_ID', () => {
		expect(instanceId({ INSTANCE_ID: 'a' })).toBe('a');
		expect(instanceId({ INSTANCE_ID: ' web-2 ' })).toBe('web-2');
	});

	it('is null when unset, empty, too long or not a plain name (nothing to inject in a header)', () => {
		expect(instanceId({})).toBeNull();
		expect(instanceId({ INSTANCE_ID: '' })).toBeNull();
		expect(instanceId({ INSTANCE_ID: 'x'.repeat(33) })).toBeNull();
		expect(instanceId({ INSTANCE_ID: 'a\r\nSet-Cookie: x=1' })).toBeNull();
		expect(instanceId({ INSTANCE_ID: 'host name' })).toBeNull();
	});
});
