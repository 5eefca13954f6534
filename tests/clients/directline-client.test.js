'use strict';
// botframework-directlinejs 0.15.8 (the client inside Web Chat) against our Direct Line server.
// Run: BOT_URL=http://127.0.0.1:5000 node --test   (from tests/clients, after `npm ci`)
// Optional: DIRECTLINE_SECRET (tokens are then generated with the secret instead of as the site's own page),
//           DIRECTLINE_PREFIX (default /v3/directline), TEST_MESSAGE (default "hello").

// rxjs' ajax needs XMLHttpRequest, which node lacks: without it the client hangs at "Connecting".
global.XMLHttpRequest = require('xhr2');

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');
const WebSocket = require('ws');

const botUrl = process.env.BOT_URL;
if (!botUrl) {
  throw new Error('Set BOT_URL to the bot site, e.g. BOT_URL=http://127.0.0.1:5000');
}
const domain = botUrl.replace(/\/+$/, '') + (process.env.DIRECTLINE_PREFIX || '/v3/directline');
const secret = process.env.DIRECTLINE_SECRET;
const testMessage = process.env.TEST_MESSAGE || 'hello';
const TIMEOUT = 15000;

const clients = [];
after(() => clients.forEach(dl => dl.end()));

async function call(method, path, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(domain + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function generateToken() {
  const { status, body } = await call('POST', '/tokens/generate', secret, secret ? { user: { id: 'dl_node-test-user' } } : undefined);
  assert.equal(status, 200, 'tokens/generate');
  assert.ok(body.token && body.conversationId && body.expires_in > 0, 'generate returns {conversationId, token, expires_in}');
  return body;
}

function userIdOf(token) {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).user;
  } catch {
    return undefined;
  }
}

function connect(options) {
  // A WebSocket constructor must be present even when polling (the library references it); node 20 has none.
  const dl = new DirectLine({ domain, webSocket: false, pollingInterval: 300, WebSocket, ...options });
  clients.push(dl);
  const activities = [];
  const errors = [];
  const waiters = [];
  // The stream errors when the connection fails or ends (dl.end()); the error handler keeps that from crashing the run.
  dl.activity$.subscribe(
    activity => {
      activities.push(activity);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(activity)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          clearTimeout(waiter.timer);
          waiter.resolve(activity);
        }
      }
    },
    error => errors.push(error));
  const waitFor = (predicate, what) => {
    const seen = activities.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiter.timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(activities.map(a => [a.type, a.from && a.from.role, a.text]))}; errors ${errors.map(String)}`));
      }, TIMEOUT);
      waiters.push(waiter);
    });
  };
  return { dl, activities, errors, waitFor };
}

function post(dl, activity) {
  return new Promise((resolve, reject) => dl.postActivity(activity).subscribe(resolve, reject));
}

function waitForStatus(dl, wanted) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`connection status never became ${ConnectionStatus[wanted]} (is ${ConnectionStatus[dl.connectionStatus$.getValue()]})`));
    }, TIMEOUT);
    subscription = dl.connectionStatus$.subscribe(status => {
      if (status === wanted) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

const isFromBot = userId => a => a.type === 'message' && a.from && a.from.id !== userId && a.from.role !== 'user';

test('the conversation starts and the welcome arrives without the user saying anything', async () => {
  const { token } = await generateToken();
  const { dl, waitFor } = connect({ token });
  const welcome = await waitFor(isFromBot(userIdOf(token)), 'a welcome message from the bot');
  assert.equal(dl.connectionStatus$.getValue(), ConnectionStatus.Online);
  assert.ok(welcome.id, 'welcome has an id');
  assert.ok(welcome.timestamp, 'welcome has a timestamp');
  assert.ok((welcome.text && welcome.text.length > 0) || (welcome.attachments && welcome.attachments.length > 0), 'welcome has content');
});

test('a posted message is echoed with its clientActivityID and answered (matched by replyToId); the watermark advances', async () => {
  const { token } = await generateToken();
  const userId = userIdOf(token) || 'dl_node-test-user';
  const { dl, waitFor } = connect({ token });
  await waitFor(isFromBot(userId), 'the welcome');
  const watermarkBefore = Number(dl.watermark);
  assert.ok(Number.isInteger(watermarkBefore) && watermarkBefore >= 1, `watermark after the welcome is a number string (${dl.watermark})`);

  const id = await post(dl, {
    type: 'message', from: { id: userId, name: 'Node test' }, text: testMessage, textFormat: 'plain', locale: 'en-US',
    channelData: { clientActivityID: 'node-client-1' },
  });
  assert.equal(typeof id, 'string');
  assert.notEqual(id, 'retry', 'the post did not fail');

  const echo = await waitFor(a => a.id === id, 'the echo of our own message');
  assert.equal(echo.text, testMessage);
  assert.equal(echo.channelData && echo.channelData.clientActivityID, 'node-client-1');
  assert.equal(echo.from.id, userId);

  const reply = await waitFor(a => a.replyToId === id && a.type === 'message', 'a reply to our message');
  assert.notEqual(reply.from.id, userId, 'the reply comes from the bot, not the user');
  assert.equal(reply.from.role, 'bot');
  assert.ok(new Date(reply.timestamp) > new Date(echo.timestamp), 'the reply is stamped after the message');
  assert.ok(Number(dl.watermark) > watermarkBefore, `watermark advanced (${watermarkBefore} -> ${dl.watermark})`);
});

test('a token can be refreshed for the same conversation, and the new token works', async () => {
  const { token, conversationId } = await generateToken();
  const started = await call('POST', '/conversations', token, { user: {} });
  assert.ok(started.status === 201 || started.status === 200, `start: ${started.status}`);

  const refreshed = await call('POST', '/tokens/refresh', started.body.token);
  assert.equal(refreshed.status, 200);
  assert.equal(refreshed.body.conversationId, conversationId);
  assert.ok(refreshed.body.token && refreshed.body.token !== started.body.token);
  assert.ok(refreshed.body.expires_in > 0);

  const poll = await call('GET', `/conversations/${encodeURIComponent(conversationId)}/activities?watermark=`, refreshed.body.token);
  assert.equal(poll.status, 200);
  assert.equal(typeof poll.body.watermark, 'string');
  assert.ok(Array.isArray(poll.body.activities));
});

test('a token for one conversation is refused (403) for another conversation', async () => {
  const victim = await generateToken();
  const victimStart = await call('POST', '/conversations', victim.token, { user: {} });
  assert.equal(victimStart.status, 201);
  const attacker = await generateToken();

  const path = `/conversations/${encodeURIComponent(victim.conversationId)}`;
  assert.equal((await call('GET', `${path}/activities?watermark=`, attacker.token)).status, 403);
  assert.equal((await call('POST', `${path}/activities`, attacker.token, { type: 'message', from: { id: 'x' }, text: 'hi' })).status, 403);
  assert.equal((await call('GET', path, attacker.token)).status, 403);
  assert.equal((await call('GET', `${path}/activities?watermark=`, 'not-a-token')).status, 403);

  // The library given someone else's conversation cannot connect.
  const { dl } = connect({ token: attacker.token, conversationId: victim.conversationId });
  await waitForStatus(dl, ConnectionStatus.FailedToConnect);
});

test('an unknown conversation is 404, and the library reports it as ended / failed', async () => {
  const { token, conversationId } = await generateToken(); // a conversation nobody started
  const path = `/conversations/${encodeURIComponent(conversationId)}`;
  const poll = await call('GET', `${path}/activities?watermark=`, token);
  assert.equal(poll.status, 404);
  assert.ok(poll.body.error && poll.body.error.code, 'error body {error:{code,message}}');
  assert.equal((await call('GET', path, token)).status, 404);

  const { dl } = connect({ token, conversationId });
  await waitForStatus(dl, ConnectionStatus.FailedToConnect);
});
