// Temporary: CPU µs per create (group commit, 16 concurrent) and per transition on a SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from './src/store/sqlite/sqlite-stores';
import { newCallRow } from './test/support/call-rows';
import { newCallId } from './src/store/ids';
const stores = await openSqliteStores({ path: join(mkdtempSync(join(tmpdir(), 'sb-')), 'o.db') });
import { sql } from 'kysely';
if (process.env.CKPT) console.log(await sql.raw(`pragma wal_autocheckpoint = ${process.env.CKPT}`).execute(stores.db));
await stores.organizations.create({ id: 'org_a', name: 'A', created_at: new Date().toISOString() });
const agent = await stores.agents.insert({ id: 'agent-a', organization_id: 'org_a', name: 'A', type: 'voice', status: 'active', phone_numbers: '["+14155551234"]', livekit_agent_name: null, sip_trunk_id: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() } as any);
const mk = () => newCallRow({ id: newCallId(), organization_id: 'org_a', agent_id: agent.id, agent_name: 'A', started_at: new Date().toISOString() });
const ids: string[] = [];
async function creates(n: number) { const t0 = process.cpuUsage(); for (let i = 0; i < n; i += 16) { const rows = await Promise.all(Array.from({ length: 16 }, () => stores.calls.create(mk(), { to: 'queued' }))); for (const r of rows) ids.push(r.id); } const u = process.cpuUsage(t0); return (u.user + u.system) / n; }
async function transitions(n: number) { const t0 = process.cpuUsage(); for (let i = 0; i < n; i++) { const id = ids.shift() as string; await stores.calls.transition(id, 'connecting', { patch: { room_id: `room-${id}` } }); await stores.calls.transition(id, 'ringing'); await stores.calls.transition(id, 'active', { patch: { answered_at: new Date().toISOString() } }); await stores.calls.transition(id, 'completed', { patch: { ended_at: new Date().toISOString(), duration: 1 } }); } const u = process.cpuUsage(t0); return (u.user + u.system) / n; }
await creates(4000); await transitions(1000);
const c: number[] = [], t: number[] = [];
for (let r = 0; r < 5; r++) { c.push(await creates(4000)); t.push(await transitions(1000)); }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[2]!.toFixed(0);
console.log(`create ${med(c)} µs CPU (runs ${c.map((x) => x.toFixed(0)).join('/')}), 4 transitions ${med(t)} µs CPU (runs ${t.map((x) => x.toFixed(0)).join('/')})`);
await stores.close();
