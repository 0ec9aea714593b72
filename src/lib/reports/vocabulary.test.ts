import { describe, expect, it } from 'vitest';
import { crossesThreshold, isTouristReportKind, REPORT_POLICY } from './vocabulary';

describe('the reported-queue threshold', () => {
	it('is reached by two "not accepted" reports, or by one "closed"', () => {
		expect(REPORT_POLICY.notAcceptedThreshold).toBe(2);
		expect(crossesThreshold({ notAccepted: 0, closed: 0 })).toBe(false);
		expect(crossesThreshold({ notAccepted: 1, closed: 0 })).toBe(false);
		expect(crossesThreshold({ notAccepted: 2, closed: 0 })).toBe(true);
		expect(crossesThreshold({ notAccepted: 0, closed: 1 })).toBe(true);
	});

	it('knows only the three kinds of report', () => {
		expect(isTouristReportKind('paid')).toBe(true);
		expect(isTouristReportKind('closed')).toBe(true);
		expect(isTouristReportKind('refund')).toBe(false);
		expect(isTouristReportKind(undefined)).toBe(false);
	});
});
