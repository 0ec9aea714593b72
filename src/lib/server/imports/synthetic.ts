/** A large, valid acquirer file (tests and bench): `count` shops in Paris 1er, distinct SIRETs. */
import { makeSiret } from '../../merchants/siret';

export function syntheticAcquirerCsv(count: number, sirenStem = 70_000_000): string {
	const header = 'siret;raison_sociale;enseigne;categorie;adresse;code_postal';
	const lines = Array.from(
		{ length: count },
		(_, i) =>
			`${makeSiret(sirenStem + i, 1)};SAS N${i};Commerce ${i};souvenirs;${i + 1} rue de Rivoli;75001`
	);
	return [header, ...lines].join('\n') + '\n';
}
