// Invented articles for the boilerplate tests (no shared data), and the engine run on a text as the
// editor runs it (default settings unless given).
import { createBoilerplateEngine } from '../../../src/core/boilerplate';
import { DEFAULT_CONFIG, type BoilerplateSettings } from '../../../src/core/config/types';
import type { BoilerplateFinding } from '../../../src/core/types';
import { splitLines } from '../../../src/core/text/lines';

const engine = createBoilerplateEngine();

/** The boilerplate findings of a text, with the default settings overridden by `settings`. */
export function detectBoilerplate(text: string, settings: Partial<BoilerplateSettings> = {}, trusted?: boolean): BoilerplateFinding[] {
  return engine.detect({ text, lines: splitLines(text), settings: { ...DEFAULT_CONFIG.boilerplate, ...settings }, trusted } as Parameters<typeof engine.detect>[0]);
}

/** A short news article with its own dateline lead: headline, then three paragraphs. */
export const ELECTION_ARTICLE = [
  'Interim president sets election date',
  'BAMAKO: Mali’s interim president on Friday set the first round of the presidential election for February, the government spokesman said in a statement read on state television.',
  'The announcement follows months of pressure from neighbouring states, which had demanded a timetable for the return to civilian rule after two coups in less than a year.',
  'Colonel Assimi Goita, who led both coups, has said he will not stand in the election, according to the transitional charter adopted last year.',
];
export const BUDGET_BODY = [
  'The city council approved on Tuesday a budget of 40 million euros that will fund the renovation of three schools and the repair of several roads in the northern districts.',
  '"This is a budget for the families of this city," the mayor told reporters after the vote, adding that the work would start in the spring.',
  'Opposition members criticised the plan, saying that it relied on optimistic tax forecasts and did little for public transport in the suburbs.',
  'The budget still needs the approval of the regional government, which is expected to give its decision before the end of the year.',
  'Residents of the northern districts have long complained about the state of the roads, which were badly damaged by floods two years ago.',
  'The council also voted to extend the opening hours of the municipal library, a measure that had been requested by students and teachers.',
];

export const BUDGET_TAIL: [string, string][] = [
  ['Share on Facebook', 'share'],
  ['Share on Twitter', 'share'],
  ['Read more: Mayor announces plan to plant ten thousand trees', 'read-more'],
  ['Related posts', 'related'],
  ['Mayor announces plan to plant ten thousand trees across the city in the next five...', 'related'],
  ['New tram line will connect the airport to the city centre by 2027, officials say...', 'related'],
  ['Leave a Reply', 'comments'],
  ['Your email address will not be published. Required fields are marked *', 'comments'],
  ['We use cookies to improve your experience. By continuing to use this site you accept our cookie policy.', 'legal'],
  ['© 2025 City Gazette. All rights reserved.', 'legal'],
];

export const BUDGET_HEADLINE = 'City council approves new budget for schools and roads';

/** Headline, body, tail; one line each, no blank lines. */
export function budgetArticle(): string {
  return [BUDGET_HEADLINE, ...BUDGET_BODY, ...BUDGET_TAIL.map(([t]) => t)].join('\n') + '\n';
}

export const FRENCH = [
  'Le port de Dakar lance un nouveau terminal pour les conteneurs',
  "Le nouveau terminal, inauguré lundi par le ministre des transports, doit permettre au port de traiter deux fois plus de conteneurs qu'aujourd'hui.",
  "Selon la direction du port, les travaux ont duré trois ans et ont coûté près de 200 millions d'euros, financés en partie par des banques régionales.",
  "Les syndicats des dockers ont salué l'ouverture du terminal, tout en demandant des garanties sur les emplois et la formation des travailleurs.",
  "Le ministre a indiqué que d'autres investissements étaient prévus dans les ports secondaires du pays au cours des prochaines années.",
  'Partager sur Facebook',
  'Lire aussi : Le trafic aérien repart à la hausse à Dakar',
  'Laisser un commentaire',
  'Tous droits réservés',
];
/** 0-based lines of FRENCH that are boilerplate. */
export const FRENCH_BOILERPLATE = [5, 6, 7, 8];

export const PORTUGUESE = [
  'Prefeitura anuncia novas linhas de ônibus para a zona norte',
  'A prefeitura anunciou nesta segunda-feira a criação de quatro novas linhas de ônibus que vão ligar os bairros da zona norte ao centro da cidade.',
  'Segundo o secretário de mobilidade, as linhas devem começar a funcionar em março e vão atender cerca de trinta mil passageiros por dia.',
  'Moradores da região reclamam há anos da falta de transporte público e do tempo de espera nos pontos, que pode passar de uma hora.',
  'A empresa responsável pelas linhas ainda será escolhida em licitação, cujo edital deve ser publicado nas próximas semanas.',
  'Compartilhe',
  'Leia também: Metrô terá horário estendido no fim de semana',
  'Deixe um comentário',
];
export const PORTUGUESE_BOILERPLATE = [5, 6, 7];
