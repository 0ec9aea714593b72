import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_REASONS } from '$lib/audit/vocabulary';
import { actionLabel, auditReasonLabel } from './labels';

describe('audit log words', () => {
	it('names every audit action in zh and fr, never as its code', () => {
		for (const action of AUDIT_ACTIONS) {
			const zh = actionLabel(action, 'zh');
			const fr = actionLabel(action, 'fr');
			expect(zh, action).toMatch(/[\u3400-\u9fff]/);
			expect(fr, action).not.toBe('');
			expect(fr, action).not.toBe(action);
			expect(fr, action).not.toBe(zh);
		}
		const other = actionLabel('other', 'fr');
		for (const action of AUDIT_ACTIONS) expect(actionLabel(action, 'fr'), action).not.toBe(other);
	});

	it('names every reason a listing changed in zh and fr, never as its code', () => {
		for (const reason of AUDIT_REASONS) {
			const zh = auditReasonLabel(reason, 'zh');
			const fr = auditReasonLabel(reason, 'fr');
			expect(zh, reason).toMatch(/[\u3400-\u9fff]/);
			expect(fr, reason).not.toBe(reason);
			expect(fr, reason).not.toBe(zh);
		}
		expect(auditReasonLabel('account_deleted', 'fr')).not.toBe(auditReasonLabel('other', 'fr'));
	});

	it('reads a code this version does not know as "other", not as the code', () => {
		expect(actionLabel('profile_updated', 'fr')).toBe('Autre action');
		expect(auditReasonLabel('demo', 'fr')).toBe(auditReasonLabel('other', 'fr'));
	});
});
