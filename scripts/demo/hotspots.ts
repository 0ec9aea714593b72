/**
 * Tourist hotspots of the demo dataset, where demo merchants are denser: centre, jitter
 * radius, INSEE commune, streets and category mix. Real places and street names, written by
 * hand and approximate (WGS84, inside IDF_BOUNDS); the merchants built around them are
 * fictional. Real reference data (attractions, commune centres) is in
 * src/lib/server/reference/.
 */
import type { Category } from '../../src/lib/merchants/vocabulary';

export const HOTSPOTS: {
	slug: string;
	nameFr: string;
	lat: number;
	lon: number;
	radiusM: number;
	communeCode: string;
	weight: number;
	streets: string[];
	categories: Partial<Record<Category, number>>;
}[] = [
	{
		slug: 'louvre',
		nameFr: 'Louvre – Rivoli',
		lat: 48.8628,
		lon: 2.3365,
		radiusM: 600,
		communeCode: '75101',
		weight: 12,
		streets: [
			'rue de Rivoli',
			'rue Saint-Honoré',
			"avenue de l'Opéra",
			'rue du Louvre',
			'place du Palais-Royal',
			'rue des Pyramides',
			'rue de Richelieu'
		],
		categories: {
			luxury_fashion: 3,
			cosmetics_pharmacy: 3,
			restaurant_cafe: 4,
			souvenirs: 4,
			hotel: 3,
			food_wine: 2,
			museum_attraction: 2,
			department_store: 1,
			services: 1
		}
	},
	{
		slug: 'opera-grands-magasins',
		nameFr: 'Opéra – Grands Magasins',
		lat: 48.8733,
		lon: 2.3305,
		radiusM: 500,
		communeCode: '75109',
		weight: 20,
		streets: [
			'boulevard Haussmann',
			"rue de la Chaussée-d'Antin",
			'rue Auber',
			'rue Scribe',
			'boulevard des Capucines',
			'rue Halévy',
			'rue du Havre',
			'rue de Provence'
		],
		categories: {
			department_store: 6,
			luxury_fashion: 5,
			cosmetics_pharmacy: 5,
			restaurant_cafe: 3,
			hotel: 3,
			food_wine: 2,
			souvenirs: 2,
			services: 2,
			electronics: 1
		}
	},
	{
		slug: 'champs-elysees',
		nameFr: 'Champs-Élysées',
		lat: 48.87,
		lon: 2.305,
		radiusM: 700,
		communeCode: '75108',
		weight: 18,
		streets: [
			'avenue des Champs-Élysées',
			'avenue Montaigne',
			'avenue George-V',
			'rue du Faubourg-Saint-Honoré',
			'rue de Marignan',
			'rue François-Ier',
			'rue de Berri',
			'rue La Boétie'
		],
		categories: {
			luxury_fashion: 6,
			cosmetics_pharmacy: 4,
			restaurant_cafe: 4,
			hotel: 3,
			food_wine: 2,
			souvenirs: 2,
			department_store: 1,
			electronics: 1
		}
	},
	{
		slug: 'marais',
		nameFr: 'Le Marais',
		lat: 48.856,
		lon: 2.359,
		radiusM: 600,
		communeCode: '75104',
		weight: 8,
		streets: [
			'rue des Francs-Bourgeois',
			'rue des Rosiers',
			'rue Vieille-du-Temple',
			'rue de Turenne',
			'rue Saint-Antoine',
			'place des Vosges',
			'rue des Archives',
			'rue du Roi-de-Sicile'
		],
		categories: {
			luxury_fashion: 4,
			restaurant_cafe: 4,
			food_wine: 3,
			cosmetics_pharmacy: 2,
			souvenirs: 2,
			museum_attraction: 1,
			kids_baby: 1
		}
	},
	{
		slug: 'saint-germain',
		nameFr: 'Saint-Germain-des-Prés',
		lat: 48.8535,
		lon: 2.3325,
		radiusM: 600,
		communeCode: '75106',
		weight: 8,
		streets: [
			'boulevard Saint-Germain',
			'rue de Rennes',
			'rue Bonaparte',
			'rue du Four',
			'rue de Sèvres',
			'rue de Buci',
			'rue du Bac',
			'rue de Grenelle'
		],
		categories: {
			luxury_fashion: 4,
			restaurant_cafe: 4,
			food_wine: 3,
			cosmetics_pharmacy: 3,
			department_store: 2,
			hotel: 2,
			kids_baby: 1
		}
	},
	{
		slug: 'montmartre',
		nameFr: 'Montmartre',
		lat: 48.8855,
		lon: 2.34,
		radiusM: 500,
		communeCode: '75118',
		weight: 5,
		streets: [
			'rue Lepic',
			'rue des Abbesses',
			'rue Norvins',
			'place du Tertre',
			'rue de Steinkerque',
			'boulevard de Clichy',
			'rue Caulaincourt'
		],
		categories: {
			souvenirs: 5,
			restaurant_cafe: 5,
			food_wine: 2,
			hotel: 2,
			museum_attraction: 1,
			cosmetics_pharmacy: 1
		}
	},
	{
		slug: 'tour-eiffel',
		nameFr: 'Tour Eiffel – Champ-de-Mars',
		lat: 48.8565,
		lon: 2.3,
		radiusM: 700,
		communeCode: '75107',
		weight: 6,
		streets: [
			'avenue de la Bourdonnais',
			'rue Saint-Dominique',
			'avenue Rapp',
			'rue Cler',
			'quai Branly',
			'avenue de Suffren',
			'avenue Bosquet'
		],
		categories: {
			souvenirs: 5,
			restaurant_cafe: 4,
			hotel: 3,
			food_wine: 2,
			cosmetics_pharmacy: 2,
			museum_attraction: 1
		}
	},
	{
		slug: 'chinatown-13e',
		nameFr: 'Quartier asiatique (13e)',
		lat: 48.826,
		lon: 2.362,
		radiusM: 600,
		communeCode: '75113',
		weight: 7,
		streets: [
			'avenue de Choisy',
			"avenue d'Ivry",
			'boulevard Masséna',
			'rue de Tolbiac',
			'rue Baudricourt',
			"avenue d'Italie",
			'rue du Château-des-Rentiers'
		],
		categories: {
			restaurant_cafe: 6,
			food_wine: 4,
			services: 4,
			electronics: 3,
			cosmetics_pharmacy: 2,
			kids_baby: 1,
			souvenirs: 1
		}
	},
	{
		slug: 'la-defense',
		nameFr: 'La Défense',
		lat: 48.8918,
		lon: 2.238,
		radiusM: 700,
		communeCode: '92062',
		weight: 3,
		streets: [
			'parvis de la Défense',
			'esplanade du Général-de-Gaulle',
			'place de la Défense',
			'cours Michelet',
			'boulevard Circulaire'
		],
		categories: {
			restaurant_cafe: 4,
			electronics: 3,
			department_store: 2,
			luxury_fashion: 2,
			cosmetics_pharmacy: 2,
			hotel: 2,
			services: 2
		}
	},
	{
		slug: 'la-vallee-village',
		nameFr: 'La Vallée Village',
		lat: 48.8546,
		lon: 2.7832,
		radiusM: 500,
		communeCode: '77449',
		weight: 6,
		streets: [
			'cours de la Garonne',
			'cours du Danube',
			'cours du Rhin',
			'place de Toscane',
			'boulevard Robert-Thiboust'
		],
		categories: {
			luxury_fashion: 8,
			cosmetics_pharmacy: 2,
			kids_baby: 2,
			restaurant_cafe: 2,
			food_wine: 1
		}
	},
	{
		slug: 'disneyland',
		nameFr: 'Disneyland Paris',
		lat: 48.8722,
		lon: 2.7758,
		radiusM: 1200,
		communeCode: '77111',
		weight: 6,
		streets: [
			'boulevard de Parc',
			'boulevard du Grand-Fossé',
			'place des Passagers-du-Vent',
			'avenue Hergé',
			'rue de la Galmy',
			'rue du Bois-de-Paris'
		],
		categories: {
			hotel: 5,
			restaurant_cafe: 5,
			souvenirs: 5,
			kids_baby: 4,
			museum_attraction: 1
		}
	},
	{
		slug: 'versailles',
		nameFr: 'Versailles',
		lat: 48.8045,
		lon: 2.125,
		radiusM: 900,
		communeCode: '78646',
		weight: 4,
		streets: [
			"place d'Armes",
			'avenue de Paris',
			'avenue de Saint-Cloud',
			'rue de la Paroisse',
			'rue Royale',
			'rue de Satory',
			'rue des Réservoirs'
		],
		categories: {
			souvenirs: 4,
			restaurant_cafe: 4,
			hotel: 3,
			museum_attraction: 2,
			food_wine: 2,
			cosmetics_pharmacy: 1
		}
	},
	{
		slug: 'roissy-cdg',
		nameFr: 'Aéroport Paris-Charles-de-Gaulle',
		lat: 49.0097,
		lon: 2.5479,
		radiusM: 1500,
		communeCode: '95527',
		weight: 5,
		streets: ['allée du Verger', 'rue de la Haye', 'rue de Rome', 'rue de France'],
		categories: {
			luxury_fashion: 5,
			cosmetics_pharmacy: 5,
			food_wine: 4,
			restaurant_cafe: 4,
			hotel: 3,
			souvenirs: 2,
			services: 2,
			electronics: 1
		}
	},
	{
		slug: 'orly',
		nameFr: 'Aéroport de Paris-Orly',
		lat: 48.7262,
		lon: 2.3652,
		radiusM: 1200,
		communeCode: '91479',
		weight: 3,
		streets: [
			'avenue de Verdun',
			'rue Maurice-Rigolet',
			'allée du Commandant-Mouchotte',
			'avenue Adrien-Raynal',
			'rue des Hautes-Bornes'
		],
		categories: {
			cosmetics_pharmacy: 4,
			luxury_fashion: 3,
			food_wine: 3,
			restaurant_cafe: 4,
			hotel: 3,
			souvenirs: 2,
			services: 1
		}
	}
];
