// Solves conda specs against channels with rattler's real solver, reading repodata.json over HTTP
// as conda and mamba do, and prints the chosen packages as JSON.
// Usage: node conda-solve.mjs '["spec", ...]' '["channel URL", ...]' '["linux-64", "noarch"]'
import { simpleSolve } from '@conda-org/rattler';

const [specs, channels, platforms] = process.argv.slice(2).map((arg) => JSON.parse(arg));
try {
  const solved = await simpleSolve(specs, channels, platforms, []);
  console.log(JSON.stringify(solved.map((p) => ({
    url: p.url, name: p.packageName, version: p.version, build: p.build, filename: p.filename, sha256: p.sha256, subdir: p.subdir,
  }))));
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(2);
}
