// Reads what compare-kamailio.sh wrote (JMH JSON results and memory reports) and prints every
// round's figures, the medians and the wisp/Kamailio ratios, as Markdown.
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2];
const servers = ['wisp', 'kamailio'];
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const score = (results, name) => results.find((r) => r.benchmark.endsWith(`.${name}`))?.primaryMetric;

const rounds = [...new Set(readdirSync(dir).map((f) => /^round(\d+)-/.exec(f)?.[1]).filter(Boolean))].map(Number).sort((a, b) => a - b);
const figures = { register: {}, call: {}, p99: {} };
for (const server of servers) {
  for (const key of Object.keys(figures)) figures[key][server] = [];
  for (const round of rounds) {
    const throughput = read(`round${round}-${server}-throughput.json`);
    figures.register[server].push(score(throughput, 'register').score);
    figures.call[server].push(score(throughput, 'call').score);
    figures.p99[server].push(score(read(`round${round}-${server}-setup.json`), 'callSetup').scorePercentiles['99.0']);
  }
}

const memory = {};
for (const server of servers) {
  try {
    memory[server] = JSON.parse(readFileSync(join(dir, `memory-${server}.json`), 'utf8').trim().split('\n').at(-1));
  } catch {
    memory[server] = null;
  }
}

const fmt = (value, digits = 0) => value.toFixed(digits);
const lines = [];
lines.push(`Machine: ${availableParallelism()} cores (${cpus()[0].model}); wisp, Kamailio and the load generator`);
lines.push('share those cores in every run. Rounds alternate which server goes first.');
lines.push('');
lines.push('| metric | round | wisp | Kamailio |');
lines.push('|---|---|---|---|');
const rows = [
  ['REGISTER/s', 'register', 0],
  ['calls/s (INVITE-200-ACK-BYE-200)', 'call', 0],
  ['p99 call set-up, ms (INVITE to 200)', 'p99', 3],
];
for (const [label, key, digits] of rows) {
  rounds.forEach((round, i) => {
    lines.push(`| ${label} | ${round} | ${fmt(figures[key].wisp[i], digits)} | ${fmt(figures[key].kamailio[i], digits)} |`);
  });
}
lines.push('');
lines.push('| metric | wisp (median) | Kamailio (median) | wisp / Kamailio | target |');
lines.push('|---|---|---|---|---|');
for (const [label, key, digits] of rows) {
  const w = median(figures[key].wisp);
  const k = median(figures[key].kamailio);
  const target = key === 'p99' ? '<= 1.00' : '>= 1.00';
  lines.push(`| ${label} | ${fmt(w, digits)} | ${fmt(k, digits)} | ${(w / k).toFixed(2)} | ${target} |`);
}
if (memory.wisp && memory.kamailio) {
  const w = memory.wisp;
  const k = memory.kamailio;
  lines.push(`| resident memory (PSS) per idle registered connection, bytes (${w.connections} connections) `
    + `| ${fmt(w.pssBytesPerConnection)} | ${fmt(k.pssBytesPerConnection)} | `
    + `${(w.pssBytesPerConnection / k.pssBytesPerConnection).toFixed(2)} | <= 1.00 |`);
  lines.push(`| wisp heap after GC per idle registered connection, bytes | ${fmt(w.heapBytesPerConnection)} | - | - | <= 4096 |`);
}
console.log(lines.join('\n'));
