import { formatPercent, formatUsd } from '../../reports/format.js';
import { escapeHtml as h } from '../../reports/html/escape.js';
import { renderSvg } from '../../reports/html/render-svg.js';
import { styles } from '../../reports/html/styles.js';
import type { Sensitivity } from '../sensitivity.js';
import { parameterLabel, sensitivityVerdict } from '../sensitivity-verdict.js';
import { tornadoChart } from './tornado-chart.js';

/**
 * The page of `capsim sensitivity --format html`: the verdict in a sentence or two (which way the
 * base case leans, which parameter moves it most, and whether any flips it), the tornado, and the
 * table of every parameter.
 */
export async function renderSensitivityHtml(s: Sensitivity): Promise<string> {
  const verdict = sensitivityVerdict(s);
  const svg = await renderSvg(tornadoChart(s));
  const head = ['parameter', `at x ${s.lowFactor}`, `at x ${s.highFactor}`, 'swing', 'what is varied'];
  const rows = s.parameters.map((p) => [h(parameterLabel(p)), formatUsd(p.lowSavingsUsd), formatUsd(p.highSavingsUsd), formatUsd(p.swingUsd), `<span class="source">${h(p.description)}</span>`]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(s.scenario)} · capsim sensitivity</title><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><main>
<header><div class="kicker">capsim sensitivity · one parameter at a time</div><h1>${h(s.scenario)}</h1>
<div class="sub">${h(s.lease)} against ${h(s.against)} · each parameter × ${s.lowFactor} and × ${s.highFactor}, the others as written, on the same random draws · ${s.capsim.replications} paired replication${s.capsim.replications === 1 ? '' : 's'} per point</div></header>
<section class="findings verdict"><h2>The answer</h2><p class="answer">${h(verdict.answer)}</p>${verdict.notes.length > 0 ? `<ul>${verdict.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>` : ''}</section>
<section><h2>What moves the difference</h2><figure data-chart="tornado">${svg}<figcaption>Savings = ${h(s.against)}'s NPV at equal work - ${h(s.lease)}'s (each scaled to all the work asked; mean over the replications). Dashed: the base case; each bar runs from it to the parameter's low and high value.</figcaption></figure></section>
<section><h2>Every parameter</h2><table><thead><tr>${head.map((x, i) => `<th${i === 0 || i === 4 ? ' class="text"' : ''}>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x, i) => `<td${i === 0 || i === 4 ? ' class="text"' : ''}>${x}</td>`).join('')}</tr>`).join('')}</tbody></table>
<p class="note">Base case: ${h(formatUsd(s.baseSavingsUsd))} (${s.baseSavingsUsd >= 0 ? 'the lease is cheaper' : `${h(s.against)} is cheaper`}). Factors are multipliers of the scenario's values: ${formatPercent(s.lowFactor - 1, 0)} and +${formatPercent(s.highFactor - 1, 0)}.</p></section>
<footer>capsim ${h(s.capsim.version)} · scenario ${h(s.capsim.scenarioHash.slice(0, 12))} · seed ${s.capsim.seed}. Same scenario, seed and version give this page byte for byte.</footer>
</main></body></html>
`;
}
