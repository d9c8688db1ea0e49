/**
 * Fleet simulation: a company's Monday-morning expiry wave through one shared ISC rate-limit bucket.
 *
 * Every employee runs Rekey's real API client (`createIscClient`) and real tracker (`createTracker`,
 * each with its own in-memory store) against the sandbox tenant over real loopback HTTP. Time is
 * virtual: the tenant, the clients and the trackers read one clock that a discrete-event scheduler
 * advances from timer to timer, so fifteen minutes of traffic run in seconds and never wait for real.
 * The scheduler fires the next timer only once no HTTP exchange is in flight, which keeps every run
 * with the same seed identical.
 */
import http from 'node:http';
import { defaultSeed, IDS, type SandboxTenant, type SeedAccount, type SeedIdentity, startTenant } from '@/sandbox/tenant';
import { createIscClient, type IscClient } from '@/utils/api/client';
import { ApiError, isApiError } from '@/utils/api/errors';
import type { FetchLike } from '@/utils/api/http';
import type { PasswordInfo } from '@/utils/api/types';
import { encryptPassword } from '@/utils/crypto';
import { createTracker, emptyTrackerState, type Outcome, type TrackerState } from '@/utils/tracker';
import { pollResultFromError, pollResultFromStatus } from '@/utils/tracker/from-api-error';
import { type BenchSection, summarize } from './types';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
/** Monday 09:00 UTC; the sandbox's rate-limit window starts empty there. */
const START = Date.UTC(2025, 2, 3, 9, 0, 0);
const SOURCE = 'Active Directory';
/** Satisfies the AD policy and contains no part of any simulated employee's names. */
const NEW_PASSWORD = 'Quiet-Harbor-Lantern-72';

// ---------------------------------------------------------------------------------------------
// Virtual time
// ---------------------------------------------------------------------------------------------

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

/** A binary min-heap of timers ordered by (time, insertion order). */
class TimerQueue {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  push(timer: Timer): void {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Real HTTP exchanges still running; the clock must not move while one is. */
class InFlight {
  count = 0;
  private waiters: Array<() => void> = [];

  begin(): void {
    this.count++;
  }

  end(): void {
    this.count--;
    if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once nothing is in flight and every continuation queued behind the last exchange has run. */
  async quiet(): Promise<void> {
    for (;;) {
      if (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.count === 0) return;
    }
  }
}

class VirtualClock {
  private time: number;
  private seq = 0;
  private readonly queue = new TimerQueue();
  readonly io = new InFlight();

  constructor(start: number) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> => new Promise((resolve) => this.at(this.time + Math.max(0, ms), resolve));

  at(time: number, fire: () => void): Timer {
    const timer: Timer = { at: Math.max(time, this.time), seq: this.seq++, fire, cancelled: false };
    this.queue.push(timer);
    return timer;
  }

  /** Fires timers in order until none is left, `until` is reached or `maxSteps` timers have fired. */
  async run(until: number, maxSteps: number): Promise<{ steps: number; drained: boolean }> {
    let steps = 0;
    while (steps < maxSteps) {
      await this.io.quiet();
      const next = this.queue.pop();
      if (!next) return { steps, drained: true };
      if (next.cancelled) continue;
      if (next.at > until) return { steps, drained: false };
      this.time = next.at;
      steps++;
      next.fire();
    }
    return { steps, drained: false };
  }
}

/** mulberry32: a small seeded generator, so a run is reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The network: real loopback HTTP, with a virtual round-trip time around it
// ---------------------------------------------------------------------------------------------

/** `fetch` over node:http with keep-alive: undici's fetch is ~3× slower per sequential exchange on loopback. */
function loopbackFetch(agent: http.Agent): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const request = http.request(
        input,
        { method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = response.statusCode ?? 500;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers }));
          });
        },
      );
      request.on('error', reject);
      init?.signal?.addEventListener('abort', () => request.destroy(new Error('aborted')));
      if (typeof init?.body === 'string') request.write(init.body);
      request.end();
    });
}

type Flow = 'change' | 'browse';
type Endpoint = 'info' | 'set' | 'status';

/** Requests and 429s per flow (changing a password, or only looking) and endpoint. */
class Traffic {
  readonly counts = new Map<string, { requests: number; rateLimited: number }>();

  add(flow: Flow, url: string, status: number): void {
    const key = `${flow} ${endpointOf(url)}`;
    const count = this.counts.get(key) ?? { requests: 0, rateLimited: 0 };
    count.requests++;
    if (status === 429) count.rateLimited++;
    this.counts.set(key, count);
  }

  total(flow?: Flow, endpoint?: Endpoint): { requests: number; rateLimited: number } {
    let requests = 0;
    let rateLimited = 0;
    for (const [key, count] of this.counts) {
      const [f, e] = key.split(' ');
      if ((flow && f !== flow) || (endpoint && e !== endpoint)) continue;
      requests += count.requests;
      rateLimited += count.rateLimited;
    }
    return { requests, rateLimited };
  }
}

function endpointOf(url: string): Endpoint {
  if (url.includes('query-password-info')) return 'info';
  if (url.includes('set-password')) return 'set';
  return 'status';
}

/** Each request spends half the virtual round trip on the way there and half on the way back. */
function virtualFetch(clock: VirtualClock, transport: FetchLike, rttMs: number, traffic: Traffic, flow: Flow): FetchLike {
  return async (input, init) => {
    await clock.sleep(rttMs / 2);
    clock.io.begin();
    let response: Response;
    try {
      response = await transport(input, init);
    } finally {
      clock.io.end();
    }
    traffic.add(flow, input, response.status);
    await clock.sleep(rttMs / 2);
    return response;
  };
}

// ---------------------------------------------------------------------------------------------
// The company and its morning
// ---------------------------------------------------------------------------------------------

export interface FleetScenario {
  name: string;
  employees: number;
  waveChanges: number;
  waveMs: number;
  /** Changes outside the wave, per hour (password expiry spread over the working day). */
  adhocChangesPerHour: number;
  /** Popup opens that only look (one query-password-info each), per hour. */
  browsesPerHour: number;
  rateLimit: { requests: number; windowMs: number };
  statusDelayMs: number;
  /** Share of employees who keep the popup open for the first minute after submitting. */
  popupOpenShare: number;
  /**
   * Share of changes made on a Rekey that has never seen a change on this source finish (a new install): its first
   * status read uses the tracker's default timing. Every other employee changed this password with Rekey before
   * (passwords expire every 90 days) and its tracker learned how long the source takes (utils/tracker/timing.ts).
   */
  newInstallShare: number;
  popupOpenMs: number;
  rttMs: number;
  seed: number;
}

type Activity = { kind: Flow; employee: number; at: number; thinkMs: number; popupOpen: boolean; newInstall: boolean };

function plan(scenario: FleetScenario, random: () => number): Activity[] {
  const used = new Set<number>();
  const pick = () => {
    for (let tries = 0; tries < 1_000; tries++) {
      const employee = Math.floor(random() * scenario.employees);
      if (!used.has(employee)) {
        used.add(employee);
        return employee;
      }
    }
    throw new Error('The company is too small for this many distinct employees.');
  };
  const activities: Activity[] = [];
  const change = (at: number): Activity => ({
    kind: 'change',
    employee: pick(),
    at,
    thinkMs: 20 * SECOND + random() * 70 * SECOND,
    popupOpen: random() < scenario.popupOpenShare,
    newInstall: random() < scenario.newInstallShare,
  });
  for (let i = 0; i < scenario.waveChanges; i++) activities.push(change(START + random() * scenario.waveMs));
  // Poisson arrivals over the wave's window for the background traffic.
  const poisson = (perHour: number, make: (at: number) => Activity) => {
    if (perHour <= 0) return;
    for (let at = START + exponential(random, HOUR / perHour); at < START + scenario.waveMs; at += exponential(random, HOUR / perHour)) {
      activities.push(make(at));
    }
  };
  poisson(scenario.adhocChangesPerHour, change);
  poisson(scenario.browsesPerHour, (at) => ({ kind: 'browse', employee: pick(), at, thinkMs: 0, popupOpen: false, newInstall: false }));
  return activities.sort((a, b) => a.at - b.at);
}

const HOUR = 60 * MINUTE;
const exponential = (random: () => number, meanMs: number) => -Math.log(1 - random()) * meanMs;
const userName = (employee: number) => `emp${String(employee).padStart(6, '0')}`;
const accountIdOf = (employee: number | string) =>
  `CN=${typeof employee === 'number' ? userName(employee) : employee},OU=Staff,DC=corp,DC=example`;

function fleetSeed(activities: Activity[]) {
  const base = defaultSeed();
  const names = [...new Set(activities.map((activity) => userName(activity.employee)))];
  // The id doubles as the login name so the tenant finds each employee without scanning the directory.
  const identities: SeedIdentity[] = names.map((name) => ({
    id: name,
    name,
    displayName: `Employee ${name}`,
    firstName: 'Employee',
    lastName: name.toUpperCase(),
    email: `${name}@corp.example`,
    password: 'Sandbox-Fleet-1',
    authorities: [],
  }));
  const accounts: SeedAccount[] = names.map((name) => ({
    id: accountIdOf(name),
    name,
    identityId: name,
    sourceId: IDS.activeDirectory,
    initialPassword: 'Initial-Fleet-AD-1',
  }));
  return { identities: [...base.identities, ...identities], accounts: [...base.accounts, ...accounts] };
}

// ---------------------------------------------------------------------------------------------
// What one run records
// ---------------------------------------------------------------------------------------------

interface Submitted {
  employee: number;
  requestId: string | null;
  submittedAt: number;
  notifiedAt?: number;
  outcome?: Outcome['kind'];
  /** The tracker gave up while its last problem was the rate limit. */
  gaveUpRateLimited?: boolean;
}

interface RunRecord {
  traffic: Traffic;
  submitted: Submitted[];
  /** Errors an employee saw on screen, by cause. */
  seen429: number;
  seenOther: number;
  abandoned: number;
}

type ClientKind = 'rekey' | 'naive';

interface World {
  clock: VirtualClock;
  tenant: SandboxTenant;
  transport: FetchLike;
  scenario: FleetScenario;
  random: () => number;
  ciphertext: { publicKeyId: string; value: string };
  /** What a tracker learned from the employee's previous change on this source (see timingsFromPreviousChange). */
  learned: TrackerState['timings'];
  /** Each simulated identity's user levels, as its session would know them. */
  authorities: Map<string, readonly string[]>;
  record: RunRecord;
}

/** A person retries a failed step a few times, after the wait the screen gave (or half a minute). */
const USER_TRIES = 3;
const USER_PAUSE_MS = 30 * SECOND;

function accessTokens(world: World, identityId: string) {
  let token: { value: string; expiresAt: number } | undefined;
  const mint = () => {
    const minted = world.tenant.issueToken(identityId);
    token = { value: minted.access_token, expiresAt: world.clock.now() + minted.expires_in * SECOND };
    return minted.access_token;
  };
  return {
    // Like the extension's session manager: refresh a minute before expiry rather than spend a 401.
    get: async () => (token && token.expiresAt - MINUTE > world.clock.now() ? token.value : mint()),
    refresh: async () => mint(),
  };
}

async function asPerson<T>(world: World, step: () => Promise<T>, handled?: (error: unknown) => T | undefined): Promise<T | undefined> {
  for (let attempt = 1; attempt <= USER_TRIES; attempt++) {
    try {
      return await step();
    } catch (error) {
      const instead = handled?.(error);
      if (instead !== undefined) return instead;
      const rateLimited = isApiError(error, 'rate-limited') || (error instanceof NaiveError && error.status === 429);
      if (rateLimited) world.record.seen429++;
      else world.record.seenOther++;
      const shownWait = error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0;
      await world.clock.sleep(Math.max(shownWait, USER_PAUSE_MS) + world.random() * 10 * SECOND);
    }
  }
  world.record.abandoned++;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rekey: the real client and the real tracker
// ---------------------------------------------------------------------------------------------

function rekeyEmployee(world: World, identityId: string, flow: Flow): IscClient {
  const tokens = accessTokens(world, identityId);
  const authorities = world.authorities.get(identityId) ?? [];
  return createIscClient({
    // As the worker does (entrypoints/background/api.ts): the session's user level picks the status path.
    statusNeedsBeta: async () => !authorities.includes('ORG_ADMIN'),
    apiBaseUrl: world.tenant.url,
    version: 'v3',
    getAccessToken: tokens.get,
    refreshAccessToken: tokens.refresh,
    fetch: virtualFetch(world.clock, world.transport, world.scenario.rttMs, world.record.traffic, flow),
    sleep: world.clock.sleep,
    now: world.clock.now,
    random: world.random,
  });
}

function memoryStore(initial?: TrackerState) {
  let saved: TrackerState | undefined = initial;
  return {
    load: async () => saved,
    save: async (state: TrackerState) => {
      saved = state;
    },
  };
}

async function rekeyActivity(world: World, activity: Activity): Promise<void> {
  const identityId = userName(activity.employee);
  const client = rekeyEmployee(world, identityId, activity.kind);
  // The popup queries password info once and serves it from the session cache afterwards.
  let info: PasswordInfo | undefined;
  const loadInfo = async () => {
    info ??= await client.queryPasswordInfo({ userName: identityId, sourceName: SOURCE });
    return info;
  };
  if (!(await asPerson(world, loadInfo)) || activity.kind === 'browse') return;
  await world.clock.sleep(activity.thinkMs);
  const account = info?.accounts[0];
  if (!info?.sourceId || !account?.accountId) throw new Error('The sandbox returned no account to change.');
  const { sourceId } = info;
  const accountId = account.accountId;
  const response = await asPerson(
    world,
    () =>
      client.setPassword({
        identityId,
        encryptedPassword: world.ciphertext.value,
        publicKeyId: world.ciphertext.publicKeyId,
        accountId,
        sourceId,
      }),
    // A lost answer after sending: the extension tracks it with no request id ("outcome unknown") and never resends.
    (error) => (isApiError(error, 'outcome-unknown') ? { requestId: null, state: 'IN_PROGRESS' as const } : undefined),
  );
  if (!response) return;
  const entry: Submitted = { employee: activity.employee, requestId: response.requestId, submittedAt: world.clock.now() };
  world.record.submitted.push(entry);

  let wake: Timer | undefined;
  const tracker = createTracker({
    store: memoryStore(activity.newInstall ? undefined : { ...emptyTrackerState(), timings: world.learned }),
    getStatus: (requestId) => client.getPasswordChangeStatus(requestId).then(pollResultFromStatus, pollResultFromError),
    now: world.clock.now,
    sleep: world.clock.sleep,
    random: world.random,
    notify: async (outcome) => {
      entry.notifiedAt = world.clock.now();
      entry.outcome = outcome.kind;
      const change = (await tracker.snapshot()).history.find((c) => outcome.changeIds.includes(c.id));
      if (change?.state === 'unknown' && change.lastError === 'rate-limited') entry.gaveUpRateLimited = true;
    },
    updateBadge: async () => undefined,
    // The worker's timer (or its alarm) calls pollDue at the asked time; a newer request replaces an older one.
    scheduleWakeUp: async (at) => {
      if (wake) wake.cancelled = true;
      wake = at === null ? undefined : world.clock.at(at, () => void tracker.pollDue());
    },
  });
  await tracker.track([
    {
      requestId: response.requestId,
      identityId,
      sourceId,
      sourceName: SOURCE,
      accountId,
      accountName: account.accountName ?? account.accountId,
    },
  ]);
  if (activity.popupOpen) {
    await tracker.setFastPolling(true);
    world.clock.at(world.clock.now() + world.scenario.popupOpenMs, () => void tracker.setFastPolling(false));
  }
}

/**
 * The timing an employee's Rekey learned from their previous change of this password (90 days earlier, the popup
 * closed): the real tracker follows one change that ISC settles after the scenario's delay, on a clock that jumps
 * from one wake-up to the next, starting from an empty state (the default timing), and this is what it kept.
 */
async function timingsFromPreviousChange(scenario: FleetScenario, sourceId: string): Promise<TrackerState['timings']> {
  let now = 0;
  let wake: number | null = null;
  const store = memoryStore();
  const tracker = createTracker({
    store,
    // Half the round trip there: ISC sees the read that much after the tracker sends it.
    getStatus: async () => ({
      kind: 'status',
      state: now + scenario.rttMs / 2 >= scenario.statusDelayMs ? 'FINISHED' : 'IN_PROGRESS',
      errors: [],
      sourceIds: [],
    }),
    now: () => now,
    notify: async () => undefined,
    updateBadge: async () => undefined,
    scheduleWakeUp: async (at) => {
      wake = at;
    },
    random: () => 0.5,
    sleep: async () => undefined,
  });
  await tracker.track([
    { requestId: 'previous', identityId: 'previous', sourceId, sourceName: SOURCE, accountId: 'previous', accountName: 'previous' },
  ]);
  for (let step = 0; wake !== null && step < 100; step++) {
    now = wake;
    await tracker.pollDue();
  }
  const timings = (await store.load())?.timings;
  if (!timings?.[sourceId]) throw new Error('The previous change taught the tracker nothing.');
  return timings;
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: fixed 2 s polling, immediate retry on 429, Retry-After ignored
// ---------------------------------------------------------------------------------------------

class NaiveError extends Error {
  constructor(readonly status: number) {
    super(`naive client: HTTP ${status}`);
  }
}

const NAIVE_RETRIES = 3;
const NAIVE_POLL_MS = 2 * SECOND;
const NAIVE_GIVE_UP_MS = 15 * MINUTE;

async function naiveActivity(world: World, activity: Activity): Promise<void> {
  const identityId = userName(activity.employee);
  const fetchImpl = virtualFetch(world.clock, world.transport, world.scenario.rttMs, world.record.traffic, activity.kind);
  const tokens = accessTokens(world, identityId);
  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    let status = 0;
    for (let attempt = 0; attempt <= NAIVE_RETRIES; attempt++) {
      const response = await fetchImpl(world.tenant.url + path, {
        method,
        headers: {
          Authorization: `Bearer ${await tokens.get()}`,
          Accept: 'application/json',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      status = response.status;
      const text = await response.text();
      if (status !== 429) {
        if (status >= 400) throw new NaiveError(status);
        return JSON.parse(text) as Record<string, unknown>;
      }
    }
    throw new NaiveError(status);
  };
  let info: Record<string, unknown> | undefined;
  const loadInfo = async () => {
    info ??= await call('POST', '/v3/query-password-info', { userName: identityId, sourceName: SOURCE });
    return info;
  };
  if (!(await asPerson(world, loadInfo)) || activity.kind === 'browse') return;
  await world.clock.sleep(activity.thinkMs);
  const account = (info?.accounts as Array<{ accountId: string }> | undefined)?.[0];
  const response = await asPerson(world, () =>
    call('POST', '/v3/set-password', {
      identityId,
      encryptedPassword: world.ciphertext.value,
      publicKeyId: world.ciphertext.publicKeyId,
      accountId: account?.accountId,
      sourceId: info?.sourceId,
    }),
  );
  if (!response) return;
  const entry: Submitted = { employee: activity.employee, requestId: String(response.requestId), submittedAt: world.clock.now() };
  world.record.submitted.push(entry);
  let rateLimitedLast = false;
  for (let polls = 0; polls < NAIVE_GIVE_UP_MS / NAIVE_POLL_MS; polls++) {
    await world.clock.sleep(NAIVE_POLL_MS);
    try {
      // The path an employee may read (v3's is ORG_ADMIN-only, as the specs say): even a naive client must use it.
      const status = await call('GET', `/beta/password-change-status/${entry.requestId}`);
      rateLimitedLast = false;
      if (status.state === 'FINISHED' || status.state === 'FAILED') {
        entry.notifiedAt = world.clock.now();
        entry.outcome = status.state === 'FINISHED' ? 'finished' : 'failed';
        return;
      }
    } catch (error) {
      rateLimitedLast = error instanceof NaiveError && error.status === 429;
    }
  }
  entry.notifiedAt = world.clock.now();
  entry.outcome = 'unknown';
  entry.gaveUpRateLimited = rateLimitedLast;
}

// ---------------------------------------------------------------------------------------------
// One run and its row
// ---------------------------------------------------------------------------------------------

interface RunResult {
  client: ClientKind;
  scenario: FleetScenario;
  record: RunRecord;
  changesPlanned: number;
  lost: number;
  duplicates: number;
  wallMs: number;
  virtualMs: number;
  steps: number;
  drained: boolean;
}

const MAX_VIRTUAL_MS = 3 * HOUR;
const MAX_STEPS = 3_000_000;

async function ciphertextFor(tenant: SandboxTenant, clock: VirtualClock, transport: FetchLike): Promise<World['ciphertext']> {
  // Done once, before the morning starts: every employee encrypts the same password with the same source key.
  const tokens = { get: async () => tenant.issueToken('alice').access_token };
  const client = createIscClient({
    apiBaseUrl: tenant.url,
    version: 'v3',
    getAccessToken: tokens.get,
    refreshAccessToken: tokens.get,
    fetch: transport,
    now: clock.now,
  });
  const info = await client.queryPasswordInfo({ userName: 'alice', sourceName: SOURCE });
  if (!info.publicKey || !info.publicKeyId) throw new Error('The sandbox served no public key for Active Directory.');
  return { publicKeyId: info.publicKeyId, value: await encryptPassword(NEW_PASSWORD, info.publicKey, 'pkcs1') };
}

export async function runFleet(scenario: FleetScenario, client: ClientKind): Promise<RunResult> {
  const wallStart = performance.now();
  const random = seededRandom(scenario.seed);
  const activities = plan(scenario, random);
  // The key query below happens an hour before the wave, outside its rate-limit window.
  const clock = new VirtualClock(START - HOUR);
  const seed = fleetSeed(activities);
  const tenant = await startTenant({
    port: 0,
    now: clock.now,
    statusDelayMs: scenario.statusDelayMs,
    rateLimit: scenario.rateLimit,
    // Long enough for the whole simulated morning; access tokens still expire and are refreshed.
    refreshTokenTtlSeconds: 24 * 3600,
    seed,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const transport = loopbackFetch(agent);
    const world: World = {
      clock,
      tenant,
      transport,
      scenario,
      random: seededRandom(scenario.seed + 1),
      ciphertext: await ciphertextFor(tenant, clock, transport),
      learned: await timingsFromPreviousChange(scenario, IDS.activeDirectory),
      authorities: new Map(seed.identities.map((identity) => [identity.id, identity.authorities])),
      record: {
        traffic: new Traffic(),
        submitted: [],
        seen429: 0,
        seenOther: 0,
        abandoned: 0,
      },
    };
    const act = client === 'rekey' ? rekeyActivity : naiveActivity;
    const failures: unknown[] = [];
    for (const activity of activities) {
      clock.at(activity.at, () => void act(world, activity).catch((error: unknown) => failures.push(error)));
    }
    const { steps, drained } = await clock.run(START + MAX_VIRTUAL_MS, MAX_STEPS);
    if (failures.length > 0) throw failures[0];
    const accepted = tenant.setPasswordCount();
    const submitted = world.record.submitted;
    // Lost: ISC applied the change but the employee was never told it finished.
    const lost = submitted.filter((entry) => {
      const applied = tenant.accountState(accountIdOf(entry.employee)).passwordChangedAt !== null;
      return entry.notifiedAt === undefined || (applied && entry.outcome !== 'finished');
    }).length;
    return {
      client,
      scenario,
      record: world.record,
      changesPlanned: activities.filter((activity) => activity.kind === 'change').length,
      lost,
      duplicates: accepted - submitted.length,
      wallMs: performance.now() - wallStart,
      virtualMs: Math.max(...submitted.map((entry) => entry.notifiedAt ?? clock.now())) - START,
      steps,
      drained,
    };
  } finally {
    agent.destroy();
    await tenant.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The section
// ---------------------------------------------------------------------------------------------

export const companyMorning: FleetScenario = {
  name: '50,000 employees, 2,000-change wave',
  employees: 50_000,
  waveChanges: 2_000,
  waveMs: 15 * MINUTE,
  // 50,000 AD passwords expiring every 90 days, spread over 8-hour days: ~70 changes an hour.
  adhocChangesPerHour: 70,
  // Each employee glances at the popup about once a week: ~1,250 opens an hour.
  browsesPerHour: 1_250,
  rateLimit: { requests: 100, windowMs: 10 * SECOND },
  statusDelayMs: 60 * SECOND,
  popupOpenShare: 0.3,
  popupOpenMs: MINUTE,
  newInstallShare: 0.1,
  rttMs: 100,
  seed: 20250303,
};

const minutes = (ms: number) => (ms / MINUTE).toFixed(1);
const perChange = (n: number, changes: number) => (n / Math.max(1, changes)).toFixed(1);

/** The same company, rate limit and arrival pattern divided by `factor`: the load on the bucket stays the same. */
export function scaled(scenario: FleetScenario, factor: number): FleetScenario {
  return {
    ...scenario,
    name: `1/${factor} scale: ${(scenario.employees / factor).toLocaleString('en')} employees, ${scenario.waveChanges / factor}-change wave, ${scenario.rateLimit.requests / factor} req / 10 s`,
    employees: scenario.employees / factor,
    waveChanges: scenario.waveChanges / factor,
    adhocChangesPerHour: scenario.adhocChangesPerHour / factor,
    browsesPerHour: scenario.browsesPerHour / factor,
    rateLimit: { ...scenario.rateLimit, requests: scenario.rateLimit.requests / factor },
  };
}

function row(result: RunResult, label: string): BenchSection['rows'][number] {
  const { record } = result;
  const { traffic } = record;
  const changes = record.submitted.length;
  const times = record.submitted.filter((entry) => entry.notifiedAt !== undefined).map((entry) => entry.notifiedAt! - entry.submittedAt);
  const latency = summarize(times);
  const all = traffic.total();
  const changeFlow = traffic.total('change');
  const gaveUp = record.submitted.filter((entry) => entry.gaveUpRateLimited).length;
  const split = (['info', 'set', 'status'] as const)
    .map((endpoint) => perChange(traffic.total('change', endpoint).requests, changes))
    .join(' / ');
  return {
    scenario: result.scenario.name,
    client: label,
    'changes made / planned': `${changes} / ${result.changesPlanned}`,
    'API requests (429s)': `${all.requests} (${all.rateLimited})`,
    'requests / change': perChange(changeFlow.requests, changes),
    'info / set / status': split,
    '429s / change': perChange(changeFlow.rateLimited, changes),
    'changes lost': result.lost,
    '429 errors shown': record.seen429 + gaveUp,
    'other errors shown': record.seenOther,
    'gave up': record.abandoned,
    'notify median / p95 / max (min)': `${minutes(latency.median)} / ${minutes(latency.p95)} / ${minutes(Math.max(0, ...times))}`,
    'wall s': (result.wallMs / 1000).toFixed(1),
  };
}

const SIDE_BY_SIDE_FACTOR = 5;

export default async function runFleetBench(): Promise<BenchSection> {
  const small = scaled(companyMorning, SIDE_BY_SIDE_FACTOR);
  const runs: Array<[RunResult, string]> = [
    [await runFleet(companyMorning, 'rekey'), 'rekey'],
    [await runFleet(small, 'rekey'), 'rekey'],
    [await runFleet(small, 'naive'), 'naive (2 s polls, instant 429 retry)'],
    [await runFleet({ ...small, popupOpenShare: 0 }, 'rekey'), 'rekey, popup closed (no 2 s polls)'],
  ];
  for (const [result] of runs) {
    if (!result.drained) throw new Error(`The ${result.client} fleet run did not settle within its bounds (${result.steps} timers).`);
  }
  const { scenario } = runs[0]![0];
  return {
    title: 'Fleet: a Monday-morning expiry wave through one shared ISC rate limit (virtual time; real client, tracker and tenant)',
    columns: Object.keys(row(...runs[0]!)),
    rows: runs.map(([result, label]) => row(result, label)),
    notes: [
      `Company: ${scenario.employees.toLocaleString('en')} employees; ${scenario.waveChanges.toLocaleString('en')} Active Directory changes arriving at random in ${minutes(scenario.waveMs)} min, plus ${scenario.adhocChangesPerHour}/h other changes and ${scenario.browsesPerHour.toLocaleString('en')}/h popup opens (one query-password-info each). ISC limit: ${scenario.rateLimit.requests} requests / ${scenario.rateLimit.windowMs / SECOND} s for the one OAuth client, shared by everyone.`,
      `Each change: query-password-info (cached), ${minutes(20 * SECOND)}–${minutes(90 * SECOND)} min typing, set-password (one precomputed PKCS#1 ciphertext the tenant really decrypts), then status polls until the tenant settles it ${scenario.statusDelayMs / SECOND} s later. ${scenario.popupOpenShare * 100}% keep the popup open for the first minute. ${scenario.newInstallShare * 100}% change on a Rekey that never saw this source settle (new install: first status read after the tracker's 20 s default, then every 30 s; with the popup open at once, then 2, 4, 8 … s); everyone else's tracker learned from their previous change how long AD takes and reads once at that time (the same with the popup open). ${scenario.rttMs} ms virtual round trip per request.`,
      'rekey = createIscClient (Retry-After with jitter; up to 10 waits on 429 for query and set-password within 90 s; status polls leave 429s to the tracker) + one createTracker per employee (first read at the learned time, a late change read again after a quarter of it, ≥ 60 s hold-back after a 429, give-up at 15 min); status read on beta first for employees without ORG_ADMIN (entrypoints/background/api.ts does the same from the session), so no 403 is spent. naive = the same people with a client that polls every 2 s until final (15 min cap) and retries a 429 at once, up to 3 times.',
      'Changes lost: the tenant applied the password but the employee was never told it finished (must be 0). 429 errors shown: rate-limit errors an employee saw on screen (popup or a give-up notification); people retry a failed step after the shown wait (≥ 30 s), at most 3 times, then give up ("gave up").',
      `notify: submit accepted → outcome notification, virtual minutes. The side-by-side runs are scaled 1/${SIDE_BY_SIDE_FACTOR} (company, wave, background and rate limit together, so the bucket is equally overloaded): the naive client's load grows with its backlog (every pending change polls every 2 s and repeats each 429 three times), which at full scale means several hundred thousand real loopback requests, over this bench's time budget.`,
      'All requests are real HTTP to the in-process sandbox tenant (node:http keep-alive); the clock is virtual and only moves when no request is in flight, so a run is reproducible from its seed.',
    ],
  };
}
