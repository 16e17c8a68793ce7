/**
 * Structural check of docker-compose.yml for machines without Docker Compose:
 * parses the YAML (anchors and merges included) and checks what the README
 * promises: PostgreSQL, Redis, two app instances on both, a proxy in front.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const doc = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { environment?: Record<string, string>; build?: unknown; image?: string; ports?: string[] }
  >;
};
const s = doc.services;
const problems: string[] = [];
for (const name of ['postgres', 'redis', 'app1', 'app2', 'proxy'])
  if (!s[name]) problems.push(`service ${name} missing`);
for (const name of ['app1', 'app2']) {
  const env = s[name]?.environment ?? {};
  if (!env.DATABASE_URL?.includes('@postgres:'))
    problems.push(`${name}: DATABASE_URL must point at the postgres service`);
  if (!env.REDIS_URL?.includes('redis:')) problems.push(`${name}: REDIS_URL must point at the redis service`);
  if (!s[name]?.build) problems.push(`${name}: must build the Dockerfile`);
}
if (!s.proxy?.ports?.length) problems.push('proxy must publish a port');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('docker-compose.yml: postgres, redis, app1, app2 (on both), proxy: ok');
