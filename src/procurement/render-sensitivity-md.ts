import { formatUsd } from '../reports/format.js';
import type { Sensitivity } from './sensitivity.js';
import { parameterLabel, sensitivityVerdict } from './sensitivity-verdict.js';

/** The tornado as Markdown: the verdict, then every parameter by swing. */
export function renderSensitivityMarkdown(s: Sensitivity): string {
  const v = sensitivityVerdict(s);
  const rows = s.parameters.map((p) => `| ${parameterLabel(p)} | ${formatUsd(p.lowSavingsUsd)} | ${formatUsd(p.highSavingsUsd)} | ${formatUsd(p.swingUsd)} | ${p.description.replace(/\|/g, '\\|')} |`);
  return [
    `# ${s.scenario}: what moves ${s.lease} against ${s.against}`,
    '',
    `Savings = ${s.against}'s NPV at equal work - ${s.lease}'s (positive: the lease is cheaper); each parameter × ${s.lowFactor} and × ${s.highFactor} (the GPU type: the two racks named), one at a time, on the same random draws; ${s.capsim.replications} paired replication(s).`,
    '',
    `**${v.answer}**`,
    '',
    ...v.notes.map((n) => `- ${n}`),
    '',
    `| parameter | at × ${s.lowFactor} | at × ${s.highFactor} | swing | what is varied |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `capsim ${s.capsim.version} · scenario ${s.capsim.scenarioHash.slice(0, 12)} · seed ${s.capsim.seed}`,
    '',
  ].join('\n');
}
