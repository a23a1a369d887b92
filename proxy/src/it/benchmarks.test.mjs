// The benchmarks compile (mvn verify built benchmarks.jar) and every one of them runs once, with
// 1 fork, 1 short iteration and tiny sizes, against a wisp this test starts. This proves the
// harness works; it measures nothing (benchmarks/RESULTS.md holds the measurements).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startWisp } from './lib/wisp.mjs';

const jar = resolve(dirname(fileURLToPath(import.meta.url)), '../../../benchmarks/target/benchmarks.jar');
const SMOKE = ['-f', '1', '-wi', '0', '-i', '1', '-foe', 'true'];

let wisp;
let dir;

/** Runs JMH with `args`; returns its JSON results after checking it succeeded. */
async function jmh(name, args) {
  const results = join(dir, `${name}.json`);
  const run = spawnSync('java', ['-jar', jar, ...args, ...SMOKE, '-rf', 'json', '-rff', results],
    { encoding: 'utf8', timeout: 300_000 });
  assert.equal(run.status, 0, `${name} failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
  return JSON.parse(await readFile(results, 'utf8'));
}

const names = (results) => results.map((r) => r.benchmark.replace('dev.wisp.benchmarks.', '')).sort();
const scored = (results) => results.every((r) => Number.isFinite(r.primaryMetric.score) && r.primaryMetric.score > 0);

before(async () => {
  wisp = await startWisp();
  dir = await mkdtemp(join(tmpdir(), 'wisp-jmh-'));
});

after(async () => {
  await wisp?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('benchmarks.jar', () => {
  it('answers -h as JMH does', () => {
    const help = spawnSync('java', ['-jar', jar, '-h'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: java -jar \.\.\. \[regexp\*\] \[options\]/);
  });

  it('runs every micro-benchmark once', async () => {
    const results = await jmh('micro', ['dev.wisp.benchmarks.micro', '-r', '200ms',
      '-p', 'kind=invite', '-p', 'mode=full', '-p', 'bindings=1000']);
    assert.deepEqual(names(results), ['micro.EncodeBenchmark.encode', 'micro.ParseBenchmark.parse',
      'micro.ProxyPathBenchmark.handle', 'micro.RegistrarBenchmark.lookup', 'micro.RegistrarBenchmark.save',
      'micro.RouteBenchmark.route']);
    assert.ok(scored(results));
  });

  it('runs every load benchmark once against a running wisp, with no failed operation', async () => {
    const results = await jmh('load', ['LoadBenchmark', '-r', '1s', '-t', '2', '-p', 'users=4', '-p', `target=${wisp.ws}`]);
    assert.deepEqual(names(results), ['load.LoadBenchmark.call', 'load.LoadBenchmark.callSetup',
      'load.LoadBenchmark.message', 'load.LoadBenchmark.register']);
    assert.ok(scored(results));
  });

  it('opens, registers and measures many connections, and calls across them', async () => {
    const report = join(dir, 'memory.json');
    const results = await jmh('scale', ['ConnectionScaleBenchmark', '-p', 'connections=50', '-p', `target=${wisp.ws}`,
      '-p', `serverPid=${wisp.pid}`, '-p', `report=${report}`]);
    assert.ok(scored(results));
    const memory = JSON.parse((await readFile(report, 'utf8')).trim());
    assert.equal(memory.connections, 50);
    assert.ok(memory.heapKiBAfter > 0 && memory.pssKiBAfter > 0, JSON.stringify(memory));
  });

  it('refuses a target off this machine before it opens anything', async () => {
    const run = spawnSync('java', ['-jar', jar, 'LoadBenchmark.register', ...SMOKE, '-r', '1s', '-t', '1',
      '-p', 'users=2', '-p', 'target=ws://192.0.2.1:8080'], { encoding: 'utf8', timeout: 120_000 });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout + run.stderr, /is not on loopback/);
  });
});
