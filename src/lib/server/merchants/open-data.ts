/**
 * The open-data export of every publicly listed shop, as GeoJSON and CSV, for anyone to reuse
 * (OpenStreetMap contributors, tourism offices, journalists) under the Licence Ouverte 2.0.
 *
 * Built from the in-memory index of approved listings (listings.ts), never by a query of its
 * own: each file is generated once per version of the index and kept with its ETag, so a request
 * costs a comparison, and a client that has the current file gets 304 Not Modified.
 *
 * No personal data: the legal name, SIRET, phone, website and owner (which can name a sole
 * trader) are left out; only what the public page shows of the shop itself is exported.
 * The fields are described on /{lang}/open-data (OPEN_DATA_FIELDS).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Executor } from '../db/client';
import { listingIndex, type IndexedListing, type ListingIndex } from './listing-index';
import { siteLink } from '../mail/links';
import { merchantPath } from '../../merchants/slug';
import { parisIsoDate } from '../../i18n/format';
import { CSV_DIALECTS, toCsv, type CsvCell } from '../../metrics/csv';
import {
	OPEN_DATA_LICENCE,
	OPEN_DATA_MAX_AGE,
	OPEN_DATA_PROPERTIES,
	OSM_TAGS,
	type OpenDataFormat
} from '../../merchants/open-data';

/** The properties of one shop, by OPEN_DATA_PROPERTIES then OSM_TAGS. */
function propertiesOf(
	l: IndexedListing
): Record<string, string | number | boolean | null | string[]> {
	const alipay = l.paymentMethods.includes('alipay') || l.paymentMethods.includes('alipay_plus');
	const yes = (accepted: boolean) => (accepted ? 'yes' : null);
	const lastVerified = l.verifiedAt ? parisIsoDate(l.verifiedAt) : null;
	return {
		id: l.id,
		name_fr: l.nameFr,
		name_zh: l.nameZh,
		category: l.category,
		address: l.address,
		postal_code: l.postalCode,
		commune_insee: l.communeCode,
		opening_hours: l.openingHours,
		payment_methods: [...l.paymentMethods],
		tax_free: l.taxFree,
		chinese_staff: l.chineseStaff,
		last_verified: lastVerified,
		url: siteLink(merchantPath(l.id, l.nameFr), 'zh'),
		name: l.nameFr,
		'name:fr': l.nameFr,
		'name:zh': l.nameZh,
		'addr:postcode': l.postalCode,
		'addr:city': l.communeName,
		'payment:alipay': yes(alipay),
		'payment:wechat': yes(l.paymentMethods.includes('wechat_pay')),
		'payment:unionpay': yes(l.paymentMethods.includes('unionpay')),
		check_date: lastVerified
	};
}

/** Every listing, by id (made one at a time from the index's columns). */
function byId(index: ListingIndex): IndexedListing[] {
	const positions = Array.from({ length: index.size }, (_, i) => i);
	return positions.sort((a, b) => index.id[a] - index.id[b]).map((i) => index.listing(i));
}
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function geojsonOf(index: ListingIndex): string {
	return JSON.stringify({
		type: 'FeatureCollection',
		name: 'cashless-paris-merchants',
		license: OPEN_DATA_LICENCE.name,
		license_url: OPEN_DATA_LICENCE.url,
		attribution: OPEN_DATA_LICENCE.attribution,
		features: byId(index).map((l) => ({
			type: 'Feature',
			id: l.id,
			geometry: { type: 'Point', coordinates: [round(l.lon), round(l.lat)] },
			properties: propertiesOf(l)
		}))
	});
}

/** CSV columns: the properties, then the position (the GeoJSON has it as geometry). */
export const CSV_COLUMNS = [...OPEN_DATA_PROPERTIES, 'latitude', 'longitude', ...OSM_TAGS];

function csvOf(index: ListingIndex): string {
	const rows = byId(index).map((l) => {
		const p: Record<string, unknown> = {
			...propertiesOf(l),
			latitude: round(l.lat),
			longitude: round(l.lon)
		};
		return CSV_COLUMNS.map((c): CsvCell => {
			const value = p[c];
			if (Array.isArray(value)) return value.join(';');
			if (typeof value === 'boolean') return value ? 'true' : 'false';
			return value as CsvCell;
		});
	});
	return toCsv(CSV_COLUMNS, rows, CSV_DIALECTS.zh);
}

export interface OpenDataFile {
	body: string;
	etag: string;
	contentType: string;
}

const BUILD: Record<
	OpenDataFormat,
	{ contentType: string; build: (index: ListingIndex) => string }
> = {
	geojson: { contentType: 'application/geo+json; charset=utf-8', build: geojsonOf },
	csv: { contentType: 'text/csv; charset=utf-8', build: csvOf }
};

/** Files per version of the index (a new index when the listings change). */
const built = new WeakMap<ListingIndex, Partial<Record<OpenDataFormat, OpenDataFile>>>();

export async function openDataFile(db: Executor, format: OpenDataFormat): Promise<OpenDataFile> {
	const index = await listingIndex(db);
	let files = built.get(index);
	if (!files) built.set(index, (files = {}));
	const { contentType, build } = BUILD[format];
	if (!files[format]) {
		const body = build(index);
		const digest = encodeHexLowerCase(sha256(new TextEncoder().encode(body))).slice(0, 32);
		files[format] = { body, etag: `"${digest}"`, contentType };
	}
	return files[format];
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The answer to GET of an open-data file: the file, or 304 when the client has it already.
 * Public, cacheable, readable from any site (CORS), the same for everyone.
 */
export async function openDataResponse(
	db: Executor,
	format: OpenDataFormat,
	ifNoneMatch: string | null
): Promise<Response> {
	const file = await openDataFile(db, format);
	const headers: Record<string, string> = {
		etag: file.etag,
		'cache-control': `public, max-age=${OPEN_DATA_MAX_AGE}`,
		'access-control-allow-origin': '*'
	};
	if (matchesEtag(ifNoneMatch, file.etag)) return new Response(null, { status: 304, headers });
	return new Response(file.body, {
		headers: {
			...headers,
			'content-type': file.contentType,
			'content-disposition': `inline; filename="cashless-paris-merchants.${format}"`
		}
	});
}
