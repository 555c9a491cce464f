// Table-driven checks of the three claim rules on single sentences written
// for this project in the style of policy briefs. Each row: the text, the
// rule expected to fire (or none), and the text its finding highlights.
import { describe, expect, it } from 'vitest';
import { summarize, type ClaimRule } from './claims-helpers';

type Row = readonly [text: string, rule: ClaimRule | null, highlighted?: string];

const ATTRIBUTED: readonly Row[] = [
  ['According to the Congressional Budget Office, the measure would cost $4.2 billion over ten years.', null],
  ['The Treasury estimated that receipts fell 12 percent in the first quarter.', null],
  ['A 2023 GAO report found that 40% of the grants lacked performance measures.', null],
  ['Pentagon officials said the drills would continue through March.', null],
  ['Officials from the Treasury Department said the rule would be delayed.', null],
  ['A spokesperson for the ministry said 14 people were injured.', null],
  ["Kenya's health ministry reported 312 new cases on Tuesday.", null],
  ['In its annual statement, the central bank warned that household debt had reached a record high.', null],
  ['The study also found that enrollment fell by 9 percent.', null],
  ['We estimate that the program reaches 1.3 million households.', null],
  ['Critics, including Senator Maria Lopez, argue that the waiver invites abuse.', null],
  ['Russia claims that the sanctions are the main reason for the shortages.', null],
  ['The Kremlin has long argued that NATO expansion was the root cause of the war.', null],
  ['Smith and Jones (2021) found that 40% of firms had no plan.', null],
  // Committee minutes: the group is named by the document itself.
  ['Several participants noted that supply constraints had eased.', null],
  ['The Committee judged that the risks to the outlook were roughly balanced.', null],
  // A quotation carries its speaker.
  ['“We will not accept a deal that rewards aggression and will lead to war,” the foreign minister said.', null],
  ['The senator called the deal "a historic failure that will lead to war."', null],
  // Citation markers.
  ['Exports to the region rose by 18% in 2022 [3].', null],
  ['Exports to the region rose by 18% in 2022 (Commerce Department, 2023).', null],
  ['Exports to the region rose by 18% in 2022, according to [Commerce Department data](https://example.gov/trade).', null],
  ['Exports to the region rose by 18% in 2022.[^4]\n\n[^4]: Commerce Department data.', null],
  ['Exports fell 30% in 2023 [citation needed].', null],
  // Continuations within a paragraph.
  ['The inspector general released her audit in May. She found that 27 percent of contracts were awarded without competition.', null],
  ['The ministry said exports would recover. It added that shipments had already doubled since January.', null],
];

const VAGUE: readonly Row[] = [
  ['Experts say the new rules will lead to higher prices.', 'vague-attribution', 'Experts'],
  ['Some observers note that the ceasefire is fragile.', 'vague-attribution', 'Some observers'],
  ['It is widely believed that the deal will collapse.', 'vague-attribution', 'It is widely believed'],
  ['Studies show that early screening saves lives.', 'vague-attribution', 'Studies'],
  ['Research suggests the subsidy mostly benefits large farms.', 'vague-attribution', 'Research'],
  ['Sources said the talks had stalled.', 'vague-attribution', 'Sources'],
  ['A senior official told reporters that the offensive had begun.', 'vague-attribution', 'A senior official'],
  ['Many believe the reform came too late.', 'vague-attribution', 'Many'],
  ['The minister reportedly offered to resign.', 'vague-attribution', 'reportedly'],
  ['According to some analysts, the currency is overvalued.', 'vague-attribution', 'According to some analysts'],
  ['Critics argue that the plan ignores rural areas.', 'vague-attribution', 'Critics'],
  ['Critics of the plan warned that it would hurt exporters.', 'vague-attribution', 'Critics'],
  ['By some accounts, the program has cost more than it saved.', 'vague-attribution', 'By some accounts'],
  ['People familiar with the negotiations said a draft was ready.', 'vague-attribution', 'People familiar with'],
  ['The ambassador is said to have privately opposed the plan.', 'vague-attribution', 'is said to'],
  ['One study found that the rebate doubled uptake.', 'vague-attribution', 'One study'],
  ['Western diplomats say the talks are stalled.', 'vague-attribution', 'Western diplomats'],
];

const STATISTICS: readonly Row[] = [
  ['About 70% of households in the district lack broadband.', 'unsourced-statistic', '70%'],
  ['Exports fell by $3 billion last year.', 'unsourced-statistic', '$3 billion'],
  ['Rural clinic visits have doubled since 2019.', 'unsourced-statistic', 'doubled'],
  ['The country now hosts 1,200,000 refugees.', 'unsourced-statistic', '1,200,000 refugees'],
  ['The agency processed 45 million applications in 2023.', 'unsourced-statistic', '45 million'],
  ["Poland is now the world's third-largest buyer of the system.", 'unsourced-statistic', "world's third-largest"],
  ["Saudi Arabia remains the world's leading energy producer.", 'unsourced-statistic', "world's leading"],
  ['Iran is the world’s leading state sponsor of terrorism.', 'unsourced-statistic', 'world’s leading'],
  ["Two of the country's largest banks failed in March.", 'unsourced-statistic', "country's largest"],
  ['The unit lost 230 soldiers in the first week.', 'unsourced-statistic', '230 soldiers'],
  ['Food prices rose 11.4 percent over the year.', 'unsourced-statistic', '11.4 percent'],
  ['Unemployment among veterans reached a record high in March.', 'unsourced-statistic', 'record high'],
  ['Inflation rose to 9.1 percent in June, the highest since 1981.', 'unsourced-statistic', '9.1 percent'],
];

const CLAIMS: readonly Row[] = [
  ['High borrowing costs and weak demand are the main reasons for the slowdown.', 'unattributed-claim', 'High borrowing costs and weak demand are the main reasons for the slowdown.'],
  ['The sanctions have failed.', 'unattributed-claim', 'The sanctions have failed.'],
  ['The blockade will lead to famine in the north.', 'unattributed-claim', 'The blockade will lead to famine in the north.'],
  ['The tariff is widely seen as a concession to domestic steelmakers.', 'unattributed-claim', 'The tariff is widely seen as a concession to domestic steelmakers.'],
  ['The delays were largely due to a shortage of inspectors.', 'unattributed-claim', 'The delays were largely due to a shortage of inspectors.'],
  ['A negotiated settlement is the only realistic way to end the conflict.', 'unattributed-claim', 'A negotiated settlement is the only realistic way to end the conflict.'],
  ['The corridor would provide a safer route for civilians leaving the city.', 'unattributed-claim', 'The corridor would provide a safer route for civilians leaving the city.'],
  ['The program has been a costly failure.', 'unattributed-claim', 'The program has been a costly failure.'],
  ['Most economists agree that the tariff raised prices.', 'unattributed-claim', 'Most economists agree that the tariff raised prices.'],
  ['There is broad consensus that the treaty has failed.', 'unattributed-claim', 'There is broad consensus that the treaty has failed.'],
  // A claim in a trailing clause is highlighted from the clause on.
  ['Officials are studying a buffer zone, which would offer a more durable path to calm.', 'unattributed-claim', 'which would offer a more durable path to calm.'],
];

const TRAPS: readonly Row[] = [
  ["NATO's Article 5 commits members to collective defense.", null],
  ['The 2008 vow was never implemented.', null],
  ['The ministry adopted a 5-year plan for the sector.', null],
  ['H.R. 5376 passed the House in August.', null],
  ['Section 232 allows the President to adjust imports.', null],
  ['The bill imposes a 25% tariff on imported steel.', null],
  ['Applicants must contribute at least 20% of project costs.', null],
  ['Percentages may not sum to 100% because of rounding.', null],
  ['She was 45 when she took office.', null],
  ['The talks will resume on March 12, 2025, at 9:30 a.m.', null],
  ['Many of the 27 member states have yet to ratify the treaty.', null],
  // A group praised, not a position held: "top" and "leading" before a plural.
  ['The panel brought together one of our nation’s top legal minds and two judges.', null],
  ["The summit gathered the world's leading climate scientists.", null],
  // Hedged, questioned or headed: not stated as fact.
  ['The shortage could lead to higher prices.', null],
  ['Did the sanctions fail?', null],
  ['# Experts say the plan will fail', null],
  // Single words alone are never flagged.
  ['Many families moved to the coast, and very few returned.', null],
  ['Prices rose sharply because of the drought.', null],
];

function check(rows: readonly Row[]): void {
  it.each(rows.map((row) => [row[0].replace(/\n/g, ' ').slice(0, 70), row] as const))('%s', (_name, [text, rule, highlighted]) => {
    expect(summarize(text)).toEqual(rule ? [`${rule}: ${highlighted}`] : []);
  });
}

describe('claim rules, sentence by sentence', () => {
  describe('attributed sentences are left alone', () => check(ATTRIBUTED));
  describe('vague sources', () => check(VAGUE));
  describe('unsourced statistics', () => check(STATISTICS));
  describe('claims stated as fact', () => check(CLAIMS));
  describe('traps: labels, definitions, hedges, questions, headings', () => check(TRAPS));

  it('has at least sixty sentences', () => {
    expect(ATTRIBUTED.length + VAGUE.length + STATISTICS.length + CLAIMS.length + TRAPS.length).toBeGreaterThanOrEqual(60);
  });
});
