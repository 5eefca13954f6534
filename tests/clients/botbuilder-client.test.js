'use strict';
// botbuilder 4.23.3's BotFrameworkHttpClient (what a Bot Framework SDK bot or skill host uses to call another bot)
// against our channel endpoint /api/messages, anonymously (no app id, so no Authorization header).
// Run: BOT_URL=http://127.0.0.1:5000 node --test   (from tests/clients, after `npm ci`)
// The bot must run without MicrosoftAppId (anonymous mode), as in Development and in the end-to-end tests.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { BotFrameworkHttpClient } = require('botbuilder');
const { SimpleCredentialProvider } = require('botframework-connector');

const botUrl = process.env.BOT_URL;
if (!botUrl) {
  throw new Error('Set BOT_URL to the bot site, e.g. BOT_URL=http://127.0.0.1:5000');
}
const messagesUrl = botUrl.replace(/\/+$/, '') + '/api/messages';
// Nothing listens here: with expectReplies the bot must answer in the response, never by calling back.
const serviceUrl = 'http://127.0.0.1:9/';

// The approved answers are the clinic's data (faq-data/*.json); read the one we ask about from there.
const faqData = process.env.FAQ_DATA || path.resolve(__dirname, '../../faq-data');
function entry(id) {
  for (const file of fs.readdirSync(faqData)) {
    if (!file.endsWith('.json') || file.endsWith('.schema.json')) continue;
    const found = JSON.parse(fs.readFileSync(path.join(faqData, file), 'utf8')).entries.find(e => e.id === id);
    if (found) return found;
  }
  throw new Error(`${id} is not in ${faqData}`);
}

const client = new BotFrameworkHttpClient(new SimpleCredentialProvider('', ''));
let sequence = 0;

function activity(conversationId, fields) {
  sequence += 1;
  return {
    id: `node-bb-${sequence}`,
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: 'node-bb-user', name: 'botbuilder test', role: 'user' },
    recipient: { id: 'bot', name: 'Clinic Assistant' },
    conversation: { id: conversationId },
    locale: 'en-US',
    ...fields,
  };
}

function newConversationId() {
  return `node-bb-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function post(conversationId, act) {
  return client.postActivity('', '', messagesUrl, serviceUrl, conversationId, act);
}

const describe = response => JSON.stringify({ status: response.status, body: response.body }).slice(0, 2000);

test('a message with deliveryMode expectReplies is answered in the response with the approved FAQ answer', async () => {
  const faq = entry('faq/infusion_duration');
  const conversationId = newConversationId();
  const response = await post(conversationId, activity(conversationId, {
    type: 'message', text: faq.examples[0], textFormat: 'plain', deliveryMode: 'expectReplies',
  }));

  assert.equal(response.status, 200, describe(response));
  assert.ok(response.body && Array.isArray(response.body.activities), `body is {activities:[…]}: ${describe(response)}`);
  const messages = response.body.activities.filter(a => a.type === 'message');
  const answer = messages.find(a => a.text === faq.answer);
  assert.ok(answer, `one reply is the approved answer of ${faq.id}: ${describe(response)}`);
  assert.equal(answer.replyToId, `node-bb-${sequence}`, 'the reply points at our activity');
  assert.equal(answer.conversation.id, conversationId, 'the reply is in the conversation the client named');
  assert.equal(answer.recipient && answer.recipient.id, 'node-bb-user', 'the reply is addressed to the sender');
});

test('an invoke with a name the bot does not handle is answered 501', async () => {
  const conversationId = newConversationId();
  const response = await post(conversationId, activity(conversationId, {
    type: 'invoke', name: 'clinic/not-a-real-invoke', value: { anything: 1 },
  }));
  assert.equal(response.status, 501, describe(response));
});

test('a callerId sent by the client is ignored: the bot still answers, and does not repeat it', async () => {
  const faq = entry('faq/who_prescribes');
  const conversationId = newConversationId();
  // Only the bot's own authentication may set callerId (activity spec A2251); a client claiming to be the
  // Azure channel service or another bot must change nothing.
  for (const callerId of ['urn:botframework:azure', 'urn:botframework:aadappid:00000000-0000-0000-0000-000000000001']) {
    const response = await post(conversationId, activity(conversationId, {
      type: 'message', text: faq.examples[0], textFormat: 'plain', deliveryMode: 'expectReplies', callerId,
    }));
    assert.equal(response.status, 200, describe(response));
    const replies = response.body.activities;
    assert.ok(replies.some(a => a.type === 'message' && a.text === faq.answer), `answered ${faq.id} with callerId ${callerId}: ${describe(response)}`);
    assert.ok(replies.every(a => a.callerId !== callerId), `no reply carries the spoofed callerId: ${describe(response)}`);
  }
});
