'use strict';
// Load driver of deploy/scale-out-test.sh: web-chat patients talking to the bot over Direct Line 3.0 (polling, as
// botframework-directlinejs does) through the load balancer, a kill -9 of one instance mid-load, and the checks.
// Node 20, no packages (fetch and http are built in). Every setting comes from the environment (see `settings`).
//
//   node load.js warmup   one short conversation posted straight to each instance (BOT_URLS) before the load: the first
//                         turns of a fresh process are slow (JIT, first classification), and on a busy 2-core machine
//                         they outlast DirectLine:BotTimeout; not recorded in RESULT_FILE
//   node load.js load     runs the conversations, kills KILL_PID mid-load, writes RESULT_FILE (JSON)
//   node load.js rejoin   sends requests through the balancer until the restarted instance serves some
//   node load.js probe    with both instances up and no other load: the per-conversation rate limit, and a booking whose
//                         steps alternate between the instances (data protection); appended to RESULT_FILE
//   node load.js report   prints the findings and the summary line; exit code 1 on any loss
//   node load.js throughput  turns per second against THROUGHPUT_URL (deploy/scale-out-test.sh --throughput)
//
// Patients behave like Web Chat users: a post that fails with a network error or 5xx is sent again with the same
// clientActivityID (Web Chat's "Retry"); polls that fail are simply repeated at the next tick.

const http = require('node:http');
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');

const env = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? fallback : process.env[name]);
const settings = {
  lb: env('LB_URL', 'http://127.0.0.1:58080').replace(/\/+$/, ''),
  conversations: Number(env('CONVERSATIONS', '24')),
  bookings: Number(env('BOOKINGS', '8')),
  concurrency: Number(env('CONCURRENCY', '12')),
  killPid: Number(env('KILL_PID', '0')),
  killName: env('KILL_NAME', 'bot1'),
  killAtFraction: Number(env('KILL_AT', '0.4')),
  pollMs: Number(env('POLL_MS', '1000')),
  replyTimeoutMs: Number(env('REPLY_TIMEOUT_MS', '30000')),
  resultFile: env('RESULT_FILE', 'scale-out-result.json'),
  webhookPort: Number(env('WEBHOOK_PORT', '0')),
  webhookDelayMs: Number(env('WEBHOOK_DELAY_MS', '300')),
  rejoinName: env('REJOIN_NAME', 'bot1'),
  rejoinTimeoutMs: Number(env('REJOIN_TIMEOUT_MS', '60000')),
  maxFailoverMs: Number(env('MAX_FAILOVER_MS', '5000')),
};
const maxFailoverMs = settings.maxFailoverMs;
const dl = `${settings.lb}/v3/directline`;
const t0 = Date.now();
const now = () => Date.now() - t0;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const jitter = (min, max) => min + Math.floor(Math.random() * (max - min));

const FAQ = [
  'how long is an infusion',
  'what is ketamine',
  'do you take insurance',
  'what conditions can ketamine help',
  'how many infusions will I need',
  'can I drive after an infusion',
  'what are your hours',
  'is ketamine safe',
];
const NAMES = ['Jordan Lee', 'Sam Rivera', 'Alex Morgan', 'Taylor Brooks', 'Casey Nguyen', 'Riley Chen', 'Jamie Patel', 'Morgan Diaz'];
const TIMES = ['next Tuesday afternoon', 'tomorrow morning', 'mornings next week', 'next Wednesday at 10am', 'Thursday afternoon'];

// ---------------------------------------------------------------- HTTP, with every request recorded
const requests = []; // {at, ms, method, kind, status, served, conv, error}
let killAt = null; // ms since t0

async function call(method, path, { token, body, kind, conv, base } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const started = now();
  const record = { at: started, method, kind, conv, status: 0, served: null, error: null };
  requests.push(record);
  try {
    const response = await fetch((base || dl) + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30000),
    });
    const text = await response.text();
    record.status = response.status;
    record.served = response.headers.get('x-served-by') || (base ? base : null);
    record.ms = now() - started;
    record.end = now();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: response.status, body: json, served: record.served, at: started };
  } catch (error) {
    record.error = String(error && error.cause ? error.cause.code || error.cause : error);
    record.ms = now() - started;
    record.end = now();
    return { status: 0, body: null, served: null, error: record.error, at: started };
  }
}

const failed = r => r.status === 0 || r.status >= 500;

// ---------------------------------------------------------------- one patient
class Patient {
  constructor(index, books) {
    this.index = index;
    this.books = books;
    this.byCard = books && index % 2 === 0;
    this.sent = []; // {clientId, text, postedId, attempts}
    this.seen = new Map(); // activity id -> activity (from polling)
    this.seenTwice = 0;
    this.watermark = undefined;
    this.references = [];
    this.problems = [];
    this.servedAfterKill = new Set();
    this.done = false;
    this.postBase = null; // posts straight to one instance instead of through the balancer (the probe)
  }

  async retry(what, fn) {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const r = await fn();
      if (!failed(r)) return r;
      await sleep(500 * attempt);
    }
    throw new Error(`${what}: still failing after 8 attempts`);
  }

  async start() {
    const gen = await this.retry('tokens/generate', () => call('POST', '/tokens/generate', { kind: 'token' }));
    if (gen.status !== 200) throw new Error(`tokens/generate answered ${gen.status}`);
    this.token = gen.body.token;
    this.conversationId = gen.body.conversationId;
    const conv = await this.retry('conversations', () => call('POST', '/conversations', { token: this.token, kind: 'start', conv: this.conversationId }));
    if (conv.status !== 201 && conv.status !== 200) throw new Error(`POST /conversations answered ${conv.status}`);
    await this.waitFor(a => a.from && a.from.role === 'bot', 'the welcome');
  }

  // Which instances served this patient's requests sent after the kill.
  note(r) {
    if (killAt !== null && r.served && r.at > killAt) this.servedAfterKill.add(r.served);
  }

  async poll() {
    const q = this.watermark === undefined ? '' : `?watermark=${this.watermark}`;
    const r = await call('GET', `/conversations/${this.conversationId}/activities${q}`, { token: this.token, kind: 'poll', conv: this.conversationId });
    this.note(r);
    if (r.status !== 200) return;
    for (const a of r.body.activities) {
      if (this.seen.has(a.id)) this.seenTwice++;
      this.seen.set(a.id, a);
    }
    this.watermark = r.body.watermark;
  }

  async waitFor(predicate, what) {
    const deadline = Date.now() + settings.replyTimeoutMs;
    for (;;) {
      const hit = [...this.seen.values()].find(predicate);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.poll();
      if ([...this.seen.values()].find(predicate)) continue;
      await sleep(settings.pollMs);
    }
  }

  // Posts one message (retrying a failed post with the same clientActivityID) and waits for the bot's reply to it.
  async say(text, value) {
    const clientId = randomUUID();
    const activity = { type: 'message', from: { id: 'patient' }, channelData: { clientActivityID: clientId } };
    if (text !== undefined) activity.text = text;
    if (value !== undefined) { activity.value = value; activity.channelData.postBack = true; }
    const item = { clientId, text: text ?? JSON.stringify(value), postedId: null, attempts: 0, failedAt: [] };
    this.sent.push(item);
    const r = await this.retry(`post "${item.text}"`, async () => {
      item.attempts++;
      const attempt = await call('POST', `/conversations/${this.conversationId}/activities`, { token: this.token, body: activity, kind: 'post', conv: this.conversationId, base: this.postBase });
      if (failed(attempt)) item.failedAt.push(now());
      return attempt;
    });
    this.note(r);
    if (r.status !== 200) throw new Error(`post "${item.text}" answered ${r.status}`);
    item.postedId = r.body.id;
    const reply = await this.waitFor(a => a.replyToId === item.postedId && a.from && a.from.role === 'bot', `the reply to "${item.text}"`);
    await sleep(jitter(150, 600)); // the rest of the turn's replies arrive on the same poll; then the patient reads and types
    return [...this.seen.values()].filter(a => a.replyToId === item.postedId).map(a => a.text || '').join('\n') || reply.text || '';
  }

  async run() {
    await this.start();
    await this.say(FAQ[this.index % FAQ.length]);
    if (this.books) {
      const name = NAMES[this.index % NAMES.length];
      const when = TIMES[this.index % TIMES.length];
      const phone = `(312) 555-${String(1000 + this.index).slice(-4)}`;
      const form = await this.say('I would like to book a new patient consultation');
      if (this.byCard) {
        const summary = await this.say(undefined, { action: 'booking.submit', reason: 'NewPatientConsultation', name, phone, email: '', preferredTime: when });
        if (!summary.includes(name)) this.problems.push(`card submit did not come back with a summary: ${summary.slice(0, 120)}`);
      } else {
        // Web Chat gets the form; typed answers are asked one at a time from the name on.
        if (!/name|form below/i.test(form)) this.problems.push(`no booking form or name question after the opening: ${form.slice(0, 120)}`);
        await this.say(name);
        await this.say(phone);
        const summary = await this.say(when);
        if (!summary.includes(name)) this.problems.push(`no summary after the preferred time: ${summary.slice(0, 120)}`);
      }
      const done = await this.say('yes');
      const match = done.match(/PSI-[A-Z2-9]{6}/);
      if (match) this.references.push(match[0]);
      else this.problems.push(`no booking reference after "yes": ${done.slice(0, 160)}`);
    } else {
      await this.say(FAQ[(this.index + 3) % FAQ.length]);
    }
    await this.say(FAQ[(this.index + 5) % FAQ.length]);
    this.done = true;
  }

  // Reads the whole transcript back (from watermark 0) and checks it against what this patient sent and saw.
  async verify() {
    const all = [];
    let watermark = 0;
    for (;;) {
      const r = await this.retry('transcript', () => call('GET', `/conversations/${this.conversationId}/activities?watermark=${watermark}`, { token: this.token, kind: 'verify', conv: this.conversationId }));
      if (r.status !== 200) throw new Error(`transcript answered ${r.status}`);
      all.push(...r.body.activities);
      if (r.body.activities.length === 0 || r.body.watermark === String(watermark)) break;
      watermark = Number(r.body.watermark);
    }
    const result = { lost: 0, duplicated: 0, missingReplies: 0, notDelivered: 0, gaps: 0, inflightDuplicated: 0, inflightMissingReplies: 0, details: [] };
    // A post that failed around the kill may have been recorded by the dying instance before it died (its turn then
    // never finished) and is recorded again by the patient's retry: known gap "inflight" (posts are not idempotent).
    const inflight = item => killAt !== null && item.failedAt.some(t => t >= killAt && t <= killAt + maxFailoverMs);
    const ids = all.map(a => a.id);
    if (new Set(ids).size !== ids.length) { result.duplicated += ids.length - new Set(ids).size; result.details.push('an activity id appears twice'); }
    const sequences = ids.map(id => Number(String(id).split('|')[1]));
    sequences.forEach((s, i) => { if (s !== i + 1) result.gaps++; });
    if (result.gaps) result.details.push(`activity sequence has ${result.gaps} gaps`);
    for (const item of this.sent) {
      const copies = all.filter(a => a.from && a.from.role === 'user' && a.channelData && a.channelData.clientActivityID === item.clientId);
      if (copies.length === 0) { result.lost++; result.details.push(`user message "${item.text}" is missing`); continue; }
      const tag = inflight(item) ? ' [inflight: its post failed at the kill and was retried]' : '';
      if (copies.length > 1) {
        result.duplicated += copies.length - 1;
        if (tag) result.inflightDuplicated += copies.length - 1;
        result.details.push(`user message "${item.text.slice(0, 60)}" recorded ${copies.length} times (${item.attempts} attempts)${tag}`);
      }
      for (const copy of copies) {
        if (!all.some(a => a.replyToId === copy.id && a.from && a.from.role === 'bot')) {
          result.missingReplies++;
          if (tag) result.inflightMissingReplies++;
          result.details.push(`no reply to "${item.text.slice(0, 60)}" (${copy.id})${tag}`);
        }
      }
    }
    for (const a of all) {
      if (Number(String(a.id).split('|')[1]) <= Number(this.watermark || 0) && !this.seen.has(a.id)) result.notDelivered++;
    }
    if (result.notDelivered) result.details.push(`${result.notDelivered} activities below the client's watermark were never delivered by polling`);
    if (this.seenTwice) { result.duplicated += this.seenTwice; result.details.push(`polling delivered ${this.seenTwice} activities twice`); }
    return result;
  }
}

// ---------------------------------------------------------------- the webhook receiver (staff notifications)
function startWebhook() {
  const deliveries = [];
  if (!settings.webhookPort) return { deliveries, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => { body += chunk; });
    req.on('end', async () => {
      const match = body.match(/PSI-[A-Z2-9]{6}/);
      const reference = req.headers['x-clinic-event'] === 'BookingRequested' && match ? match[0] : null;
      deliveries.push({ id: req.headers['x-clinic-delivery'], kind: req.headers['x-clinic-event'], reference, at: now() });
      await sleep(settings.webhookDelayMs); // a real receiver takes a moment
      res.writeHead(200).end();
    });
  });
  server.listen(settings.webhookPort, '127.0.0.1');
  return { deliveries, close: () => new Promise(resolve => server.close(() => resolve())) };
}

// ---------------------------------------------------------------- phases
async function load() {
  const webhook = startWebhook();
  const patients = [];
  for (let i = 0; i < settings.conversations; i++) {
    // Bookings spread over the run: every k-th patient books.
    const books = settings.bookings > 0 && i % Math.max(1, Math.floor(settings.conversations / settings.bookings)) === 0
      && patients.filter(p => p.books).length < settings.bookings;
    patients.push(new Patient(i, books));
  }
  const expectedPosts = patients.reduce((n, p) => n + (p.books ? (p.byCard ? 5 : 8) : 3), 0);
  const errors = [];
  let next = 0;

  // The killer: once KILL_AT of the expected posts went out, kill -9 the instance.
  const killer = (async () => {
    if (!settings.killPid) return;
    while (requests.filter(r => r.kind === 'post').length < expectedPosts * settings.killAtFraction) await sleep(50);
    killAt = now();
    try { process.kill(settings.killPid, 'SIGKILL'); } catch (e) { errors.push(`kill ${settings.killPid}: ${e}`); }
    console.error(`scale-out: kill -9 ${settings.killName} (pid ${settings.killPid}) at ${(killAt / 1000).toFixed(2)}s, ${requests.filter(r => r.kind === 'post').length}/${expectedPosts} posts sent`);
  })();

  const worker = async () => {
    while (next < patients.length) {
      const p = patients[next++];
      await sleep(jitter(0, 400));
      try { await p.run(); } catch (e) { p.problems.push(String(e.message || e)); }
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, patients.length) }, worker));
  if (killAt === null && settings.killPid) errors.push('the load ended before the kill point');
  await Promise.race([killer, sleep(10)]);

  // Staff notifications: give both dispatchers a few polls to deliver everything.
  const bookingRefs = patients.flatMap(p => p.references);
  const deadline = Date.now() + 15000;
  while (settings.webhookPort && Date.now() < deadline && !bookingRefs.every(ref => webhook.deliveries.some(d => d.reference === ref))) await sleep(500);
  await sleep(settings.webhookPort ? 5000 : 0); // and the duplicates that are still on their way
  await webhook.close();

  const verified = [];
  for (const p of patients) {
    if (!p.conversationId) { verified.push({ lost: 0, duplicated: 0, missingReplies: 0, notDelivered: 0, gaps: 0, details: ['never started'] }); continue; }
    try { verified.push(await p.verify()); } catch (e) { verified.push({ lost: 0, duplicated: 0, missingReplies: 0, notDelivered: 0, gaps: 0, details: [`verify: ${e.message}`] }); }
  }

  const byDelivery = new Map();
  for (const d of webhook.deliveries) byDelivery.set(d.id, (byDelivery.get(d.id) || 0) + 1);
  const result = {
    killAt,
    killName: settings.killName,
    durationMs: now(),
    expectedPosts,
    conversations: patients.map((p, i) => ({
      conversationId: p.conversationId,
      books: p.books,
      byCard: p.byCard,
      done: p.done,
      references: p.references,
      problems: p.problems,
      servedAfterKill: [...p.servedAfterKill],
      messages: p.sent.length,
      retriedMessages: p.sent.filter(s => s.attempts > 1).length,
      verify: verified[i],
    })),
    requests,
    notifications: {
      deliveries: webhook.deliveries.length,
      distinct: byDelivery.size,
      duplicated: [...byDelivery.values()].reduce((n, c) => n + c - 1, 0),
      bookingsNotified: bookingRefs.filter(ref => webhook.deliveries.some(d => d.reference === ref)).length,
    },
    errors,
  };
  fs.writeFileSync(settings.resultFile, JSON.stringify(result, null, 1));
}

// After the restart: conversations through the balancer until the restarted instance has served some requests.
// Throughput: CONCURRENCY patients posting FAQ questions back to back (no polling: a post returns when the turn has
// been recorded) to THROUGHPUT_URL (one instance, or the balancer) for THROUGHPUT_SECONDS after a 5 s ramp-up; a new
// conversation every 40 posts. Prints one line: turns per second, latency percentiles, failures, instances.
async function throughput() {
  const base = `${env('THROUGHPUT_URL', settings.lb).replace(/\/+$/, '')}/v3/directline`;
  const seconds = Number(env('THROUGHPUT_SECONDS', '30'));
  const label = env('THROUGHPUT_LABEL', base);
  const rampMs = 5000;
  const end = now() + rampMs + seconds * 1000;
  const measured = []; // {ms, status, served}
  const worker = async w => {
    let token = null;
    let conversationId = null;
    let posts = 0;
    while (now() < end) {
      if (!token || posts >= 40) {
        const gen = await call('POST', '/tokens/generate', { kind: 'token', base });
        if (gen.status !== 200) { await sleep(200); continue; }
        token = gen.body.token; conversationId = gen.body.conversationId; posts = 0;
        const conv = await call('POST', '/conversations', { token, kind: 'start', conv: conversationId, base });
        if (conv.status !== 201 && conv.status !== 200) { token = null; await sleep(200); continue; }
      }
      const started = now();
      const r = await call('POST', `/conversations/${conversationId}/activities`, {
        token, kind: 'post', conv: conversationId, base,
        body: { type: 'message', from: { id: 'patient' }, text: FAQ[(w + posts) % FAQ.length], channelData: { clientActivityID: randomUUID() } },
      });
      posts++;
      if (started >= rampMs && now() <= end) measured.push({ ms: now() - started, status: r.status, served: r.served });
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, (_, w) => worker(w)));
  const ok = measured.filter(m => m.status === 200).map(m => m.ms).sort((a, b) => a - b);
  const pct = p => (ok.length ? ok[Math.min(ok.length - 1, Math.floor(p * ok.length))] : 0);
  const served = {};
  for (const m of measured) if (m.served && m.status === 200) served[m.served] = (served[m.served] || 0) + 1;
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`scale-out: throughput ${label}: ${(ok.length / seconds).toFixed(1)} turns/s over ${seconds}s with ${settings.concurrency} clients; ` +
    `p50=${pct(0.5)}ms p95=${pct(0.95)}ms; failed=${measured.length - ok.length} (${JSON.stringify(measured.filter(m => m.status !== 200).reduce((c, m) => ({ ...c, [m.status]: (c[m.status] || 0) + 1 }), {}))}); ` +
    `served=${JSON.stringify(served)}; loadavg=${load}`);
}

async function warmup() {
  const bases = env('BOT_URLS', '').split(',').filter(Boolean).map(u => `${u.replace(/\/+$/, '')}/v3/directline`);
  for (const base of bases) {
    const p = new Patient(3000, false);
    p.postBase = base;
    await p.start();
    for (const text of FAQ.slice(0, 3)) await p.say(text);
  }
  const slow = requests.filter(r => failed(r)).length;
  console.error(`scale-out: warm-up: ${bases.length} instances, ${requests.length} requests (${slow} failed, retried)`);
}

async function rejoin() {
  const deadline = Date.now() + settings.rejoinTimeoutMs;
  const served = {};
  let failures = 0;
  while (Date.now() < deadline) {
    const p = new Patient(1000, false);
    try {
      await p.start();
      await p.say(FAQ[Math.floor(Math.random() * FAQ.length)]);
    } catch { failures++; }
    for (const r of requests.splice(0)) {
      if (failed(r)) failures++;
      if (r.served) served[r.served] = (served[r.served] || 0) + 1;
    }
    if ((served[settings.rejoinName] || 0) >= 3) break;
    await sleep(300);
  }
  const result = JSON.parse(fs.readFileSync(settings.resultFile, 'utf8'));
  result.rejoin = { served, failures, rejoined: (served[settings.rejoinName] || 0) >= 3 };
  fs.writeFileSync(settings.resultFile, JSON.stringify(result, null, 1));
  console.error(`scale-out: after the restart, requests served by instance: ${JSON.stringify(served)}, failures ${failures}`);
}

// Per-process state, with both instances up: the per-conversation message limit (Chatbot:RateLimits), which a
// shared limiter would hold at its configured value whichever instance the posts land on.
async function probe() {
  const limit = Number(env('MESSAGE_LIMIT_PER_CONVERSATION', '20'));
  const p = new Patient(2000, false);
  await p.start();
  const codes = {};
  const servedBy = {};
  for (let i = 0; i < limit * 2; i++) {
    const r = await call('POST', `/conversations/${p.conversationId}/activities`, { token: p.token, body: { type: 'typing', from: { id: 'patient' } }, kind: 'probe' });
    codes[r.status] = (codes[r.status] || 0) + 1;
    if (r.status === 200) servedBy[r.served] = (servedBy[r.served] || 0) + 1;
  }
  // A booking by text whose steps are posted to the instances in turn (straight to each, not through the balancer):
  // the name typed on one is remembered (encrypted) by it and must be readable by the other (STATES_FILE check).
  const direct = env('BOT_URLS', '').split(',').filter(Boolean).map(u => `${u.replace(/\/+$/, '')}/v3/directline`);
  const b = new Patient(2001, false);
  await b.start();
  const steps = ['I would like to book a new patient consultation', 'Casey Nguyen', '(312) 555-0199', 'next Tuesday afternoon', 'yes'];
  let done = '';
  for (const [i, step] of steps.entries()) {
    b.postBase = direct.length ? direct[i % direct.length] : null;
    done = await b.say(step);
  }
  const match = done.match(/PSI-[A-Z2-9]{6}/);
  const result = JSON.parse(fs.readFileSync(settings.resultFile, 'utf8'));
  result.probeBooking = { conversationId: b.conversationId, reference: match ? match[0] : null, servedBy: [...new Set(requests.filter(r => r.conv === b.conversationId).map(r => r.served))] };
  result.rateLimitProbe = { limit, attempted: limit * 2, accepted: codes[200] || 0, codes, acceptedBy: servedBy };
  fs.writeFileSync(settings.resultFile, JSON.stringify(result, null, 1));
  console.error(`scale-out: rate-limit probe: ${codes[200] || 0} of ${limit * 2} posts accepted in one minute for a limit of ${limit} per conversation (${JSON.stringify(servedBy)})`);
}

// The verdict: RESULT_FILE plus the bookings in the database (DB_BOOKINGS_FILE: "reference conversation_id" lines).
// Prints the summary line and a list of findings; exits 1 on any loss.
async function report() {
  const result = JSON.parse(fs.readFileSync(settings.resultFile, 'utf8'));
  const maxWindowMs = maxFailoverMs;
  // Known gaps (issue 14) that may be tolerated by name: inflight, notifications, ratelimit. Anything else always fails.
  const tolerate = new Set(env('TOLERATE', '').split(',').map(x => x.trim()).filter(Boolean));
  const rows = fs.readFileSync(env('DB_BOOKINGS_FILE', 'bookings.txt'), 'utf8').split('\n').map(l => l.trim()).filter(Boolean).map(l => l.split(/\s+/));
  const inDb = new Set(rows.map(r => r[0]));
  const ours = new Set(result.conversations.map(c => c.conversationId).filter(Boolean));
  const perConversation = new Map();
  for (const [, conv] of rows) if (ours.has(conv)) perConversation.set(conv, (perConversation.get(conv) || 0) + 1);
  const shown = result.conversations.flatMap(c => c.references);
  const probeRef = result.probeBooking && result.probeBooking.reference;
  const lostBookings = [...shown, ...(probeRef ? [probeRef] : [])].filter(ref => !inDb.has(ref));
  const duplicatedBookings = [...perConversation.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const sum = key => result.conversations.reduce((n, c) => n + (c.verify[key] || 0), 0);
  const lostActivities = sum('lost') + sum('missingReplies') + sum('notDelivered') + sum('gaps');
  const duplicatedActivities = sum('duplicated');
  const failures = result.requests.filter(r => r.status === 0 || r.status >= 500);
  const killAt = result.killAt;
  const outside = failures.filter(r => killAt === null || r.end < killAt || r.end > killAt + maxWindowMs);
  const windowMs = failures.length && killAt !== null ? Math.max(0, ...failures.map(r => r.end - killAt)) : 0;
  const afterKill = result.conversations.filter(c => c.servedAfterKill.length > 0);
  const continued = afterKill.filter(c => c.done && !c.servedAfterKill.includes(result.killName)).length;
  const unfinished = result.conversations.filter(c => !c.done);
  const bookingsExpected = result.conversations.filter(c => c.books).length;
  const rejoined = result.rejoin && result.rejoin.rejoined;
  const n = result.notifications;

  const findings = [];
  for (const [i, c] of result.conversations.entries()) {
    for (const p of c.problems) findings.push(`conversation ${i} (${c.conversationId}): ${p}`);
    for (const d of c.verify.details) findings.push(`conversation ${i} (${c.conversationId}): ${d}`);
  }
  for (const ref of lostBookings) findings.push(`booking ${ref} was shown to a patient but is not in the database`);
  for (const [conv, count] of perConversation) if (count > 1) findings.push(`conversation ${conv} has ${count} booking rows`);
  for (const r of outside) findings.push(`failed request outside the failover window: ${r.method} ${r.kind} at ${(r.at / 1000).toFixed(2)}s status ${r.status} ${r.error || ''}`);
  for (const e of result.errors) findings.push(e);
  if (result.probeBooking && !probeRef) findings.push(`the probe booking (steps alternating between ${result.probeBooking.servedBy}) got no reference`);
  // Data protection: the key that protected each remembered name/contact in the conversation states (STATES_FILE: one
  // state JSON a line). Two instances with one shared key ring use one key; separate key rings show up as two.
  const keyIds = new Set();
  let mixedStates = 0;
  const statesFile = env('STATES_FILE', '');
  if (statesFile && fs.existsSync(statesFile)) {
    for (const line of fs.readFileSync(statesFile, 'utf8').split('\n')) {
      let state;
      try { state = JSON.parse(line); } catch { continue; }
      const ids = new Set((state.ProtectedPersonalData || []).map(p => Buffer.from(p, 'base64url').subarray(4, 20).toString('hex')));
      ids.forEach(id => keyIds.add(id));
      if (ids.size > 1) mixedStates++;
    }
  }
  const failedByKind = {};
  for (const r of failures) failedByKind[`${r.method} ${r.kind} ${r.status || r.error}`] = (failedByKind[`${r.method} ${r.kind} ${r.status || r.error}`] || 0) + 1;

  const served = {};
  for (const r of result.requests) if (r.served) served[r.served] = (served[r.served] || 0) + 1;
  console.log(`scale-out: requests per instance ${JSON.stringify(served)}; failed requests by kind ${JSON.stringify(failedByKind)}`);
  if (n && n.deliveries) console.log(`scale-out: staff notifications (webhook): ${n.deliveries} deliveries of ${n.distinct} notifications, ${n.duplicated} duplicated; ${n.bookingsNotified}/${shown.length} bookings notified`);
  if (result.rateLimitProbe) {
    const p = result.rateLimitProbe;
    console.log(`scale-out: rate limit per conversation is ${p.limit}/min; ${p.accepted} of ${p.attempted} posts were accepted (${JSON.stringify(p.acceptedBy)}) — ${p.accepted > p.limit ? 'the limit is per instance' : 'the limit held'}`);
  }
  if (keyIds.size > 1) console.log(`scale-out: data protection: ${keyIds.size} different keys protected the names and contacts remembered in conversation state; ${mixedStates} conversations hold values protected by both instances (each instance cannot read the other's, so it cannot redact those names)`);
  for (const f of findings.slice(0, 40)) console.log(`scale-out: finding: ${f}`);
  if (findings.length > 40) console.log(`scale-out: ... ${findings.length - 40} more findings in ${settings.resultFile}`);

  const windowText = failures.length === 0 ? 'none' : outside.length === 0 ? `all within failover window ${(windowMs / 1000).toFixed(1)}s` : `${outside.length} outside the failover window`;
  const inflight = sum('inflightDuplicated') + sum('inflightMissingReplies');
  const otherActivityLoss = lostActivities + duplicatedActivities - inflight;
  const rateLimitPerInstance = result.rateLimitProbe ? result.rateLimitProbe.accepted > result.rateLimitProbe.limit : false;
  const gaps = [];
  if (inflight > 0) gaps.push('inflight');
  if (n && n.duplicated > 0) gaps.push('notifications');
  if (rateLimitPerInstance) gaps.push('ratelimit');
  if (keyIds.size > 1) gaps.push('dataprotection');
  const untolerated = gaps.filter(g => !tolerate.has(g));
  const hardOk = lostBookings.length === 0 && duplicatedBookings === 0 && otherActivityLoss === 0 && outside.length === 0
    && unfinished.length === 0 && continued === afterKill.length && shown.length === bookingsExpected && killAt !== null && !!rejoined
    && !(result.probeBooking && !probeRef);
  const ok = hardOk && untolerated.length === 0;
  console.log(`scale-out: conversations=${result.conversations.length} bookings=${shown.length}/${bookingsExpected} lost_bookings=${lostBookings.length} duplicated_bookings=${duplicatedBookings} ` +
    `lost_activities=${lostActivities} duplicated_activities=${duplicatedActivities} (at_kill=${inflight}) failed_requests=${failures.length} (${windowText}) ` +
    `continued=${continued}/${afterKill.length} unfinished=${unfinished.length} rejoined=${rejoined ? 'yes' : 'no'} ` +
    `duplicated_notifications=${n ? n.duplicated : 'n/a'} data_protection_keys=${statesFile ? keyIds.size : 'n/a'} rate_limit_per_instance=${result.rateLimitProbe ? (rateLimitPerInstance ? 'yes' : 'no') : 'n/a'} ` +
    `known_gaps=${gaps.join(',') || 'none'}${tolerate.size ? ` tolerated=${[...tolerate].join(',')}` : ''} result=${ok ? 'PASS' : 'FAIL'}`);
  process.exitCode = ok ? 0 : 1;
}

const phase = process.argv[2];
const phases = { warmup, load, rejoin, probe, report, throughput };
if (!phases[phase]) {
  console.error('usage: node load.js warmup|load|rejoin|probe|report|throughput');
  process.exit(2);
}
phases[phase]().catch(e => { console.error(e); process.exit(1); });
