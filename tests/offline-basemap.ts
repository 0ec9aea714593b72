/**
 * A small basemap that needs no network: a background, the inner ring of Paris and the Seine as
 * inline GeoJSON. The end-to-end tests serve it (tests/basemap.ts) and so does
 * `npm run bench:lighthouse` (scripts/bench-lighthouse.ts), where no tile server is reachable.
 */
const PARIS_RING = [
	[2.2242, 48.8536],
	[2.2561, 48.8345],
	[2.3226, 48.8168],
	[2.3904, 48.8256],
	[2.4132, 48.8466],
	[2.4112, 48.8785],
	[2.3945, 48.8985],
	[2.3202, 48.9008],
	[2.2597, 48.8808],
	[2.2242, 48.8536]
];
const SEINE = [
	[2.2247, 48.8452],
	[2.2797, 48.8474],
	[2.2944, 48.8592],
	[2.3133, 48.8635],
	[2.3392, 48.8577],
	[2.3536, 48.8514],
	[2.3705, 48.8456],
	[2.3885, 48.8291],
	[2.4136, 48.8186]
];

export const TEST_STYLE = {
	version: 8,
	sources: {
		outline: {
			type: 'geojson',
			data: {
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						properties: { kind: 'paris' },
						geometry: { type: 'Polygon', coordinates: [PARIS_RING] }
					},
					{
						type: 'Feature',
						properties: { kind: 'river' },
						geometry: { type: 'LineString', coordinates: SEINE }
					}
				]
			}
		}
	},
	layers: [
		{ id: 'land', type: 'background', paint: { 'background-color': '#eef0e8' } },
		{
			id: 'paris',
			type: 'fill',
			source: 'outline',
			filter: ['==', ['get', 'kind'], 'paris'],
			paint: { 'fill-color': '#f8f6f1', 'fill-outline-color': '#c9c3b6' }
		},
		{
			id: 'river',
			type: 'line',
			source: 'outline',
			filter: ['==', ['get', 'kind'], 'river'],
			paint: { 'line-color': '#a9cbe8', 'line-width': 6 }
		}
	]
};
