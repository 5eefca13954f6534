// The clinic chat page (/) and the embedded panel (/embed.html): clinic details from /api/clinic, a Direct Line token
// from our own server, then Web Chat. No secrets, no third-party requests, no analytics. Kept in an external file so
// the page works under a strict CSP.
(function () {
  'use strict';

  var DIRECT_LINE = window.location.origin + '/v3/directline';
  var embedded = document.body.classList.contains('app--embedded');
  var statusEl = document.getElementById('chat-status');
  var chatEl = document.getElementById('chat');
  var clinicPhone = null;

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle('chat__status--error', Boolean(isError));
    statusEl.classList.remove('chat__status--hidden');
  }

  function hideStatus(text) {
    // Still announced to screen readers (role=status), but no longer taking space on screen.
    statusEl.textContent = text;
    statusEl.classList.remove('chat__status--error');
    statusEl.classList.add('chat__status--hidden');
  }

  function failure(message) {
    var call = clinicPhone ? ' Please call the clinic at ' + clinicPhone + '.' : ' Please call the clinic.';
    setStatus(message + call, true);
  }

  function telHref(phone) {
    return 'tel:' + String(phone).replace(/[^\d+]/g, '');
  }

  // The on-screen keyboard: dvh does not shrink for it on every browser, visualViewport does. The app shell is sized
  // to what is visible, so the send box and the emergency bar stay on screen while typing.
  function followVisualViewport() {
    var viewport = window.visualViewport;
    if (!viewport) return;
    var apply = function () {
      document.documentElement.style.setProperty('--app-height', Math.round(viewport.height) + 'px');
      if (viewport.offsetTop) window.scrollTo(0, 0);
    };
    viewport.addEventListener('resize', apply);
    viewport.addEventListener('scroll', apply);
    apply();
  }

  function loadClinic() {
    return fetch('/api/clinic', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('clinic details: HTTP ' + response.status);
        return response.json();
      })
      .then(function (clinic) {
        if (clinic.name) {
          document.getElementById('clinic-name').textContent = embedded ? 'Chat with ' + clinic.name : clinic.name;
          document.title = 'Chat with ' + clinic.name + "'s assistant";
        }
        if (clinic.phone) clinicPhone = clinic.phone;
        if (clinic.phone && !embedded) {
          var link = document.getElementById('clinic-phone');
          link.textContent = clinic.phone;
          link.href = telHref(clinic.phone);
          document.getElementById('clinic-phone-item').hidden = false;
        }
        if (clinic.hours && !embedded) {
          document.getElementById('clinic-hours').textContent = clinic.hours;
          document.getElementById('clinic-hours-item').hidden = false;
        }
      })
      .catch(function () {
        // The page still works without the details; the emergency numbers are part of the page itself.
      });
  }

  function getToken() {
    return fetch(DIRECT_LINE + '/tokens/generate', {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) throw new Error('token: HTTP ' + response.status);
      return response.json();
    });
  }

  // Colours chosen for WCAG AA contrast on white; the send box and buttons keep Web Chat's own focus rings.
  var styleOptions = {
    accent: '#00515f',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif',
    backgroundColor: '#ffffff',
    bubbleBackground: '#eef2f3',
    bubbleBorderColor: '#c5ced1',
    bubbleBorderWidth: 1,
    bubbleTextColor: '#1b1b1b',
    bubbleFromUserBackground: '#00515f',
    bubbleFromUserBorderColor: '#00515f',
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 600,
    subtle: '#595959',
    timestampColor: '#595959',
    // Suggestions wrap onto as many lines as they need instead of a carousel whose arrows cover their text.
    suggestedActionLayout: 'flow',
    suggestedActionHeight: 44,
    suggestedActionTextColor: '#00515f',
    suggestedActionBorderColor: '#00515f',
    suggestedActionBorderWidth: 2,
    sendBoxHeight: 48,
    sendBoxButtonColor: '#595959',
    sendBoxButtonColorOnHover: '#00515f',
    sendBoxPlaceholderColor: '#595959',
    hideUploadButton: true,
    sendTypingIndicator: false
  };

  // --- Used cards: once a card's form is sent, its buttons (aria-disabled, so still found by screen readers) and
  // inputs no longer respond; the server also answers an old card's submit sensibly. ---
  var lastPressedCard = null;

  // Capture phase: runs before the card's own click handler, so a sent card's press can be stopped here.
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('.ac-pushButton') : null;
    if (!button || !chatEl.contains(button)) return;
    if (button.closest('.card--submitted')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    lastPressedCard = button.closest('.ac-adaptiveCard');
  }, true);
  document.addEventListener('keydown', function (event) {
    var button = event.target instanceof Element ? event.target.closest('.ac-pushButton') : null;
    if (button && chatEl.contains(button) && (event.key === 'Enter' || event.key === ' ')) lastPressedCard = button.closest('.ac-adaptiveCard');
  }, true);

  function disableCard(card) {
    if (!card || card.classList.contains('card--submitted')) return;
    card.classList.add('card--submitted');
    card.querySelectorAll('.ac-pushButton').forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
    });
    card.querySelectorAll('input, select, textarea').forEach(function (input) {
      input.disabled = true;
    });
    var note = document.createElement('p');
    note.className = 'visually-hidden';
    note.textContent = 'This form was sent.';
    card.appendChild(note);
  }

  // A card submit is a message with a value and no text; the card last pressed is the one that sent it.
  var store = window.WebChat && window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
          var activity = action.payload && action.payload.activity;
          if (activity && activity.value && !activity.text && lastPressedCard) {
            disableCard(lastPressedCard);
            lastPressedCard = null;
          }
        }
        return next(action);
      };
    };
  });

  // --- Feedback on answers: Web Chat draws 👍/👎 in a message's status line, but hides the whole line (not only its
  // time) when the next message follows within the same group, as the reply to a 👎 does. A message that asks for
  // feedback keeps its line, so the buttons never vanish under the patient's finger. ---
  function asksForFeedback(activity) {
    return Boolean(activity && activity.entities && activity.entities.some(function (entity) {
      return entity && entity['@type'] === 'Message' && Array.isArray(entity.potentialAction) && entity.potentialAction.length > 0;
    }));
  }

  var activityStatusMiddleware = function () {
    return function (next) {
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var options = args[0];
        if (options && options.hideTimestamp && asksForFeedback(options.activity)) {
          args[0] = Object.assign({}, options, { hideTimestamp: false });
        }
        return next.apply(null, args);
      };
    };
  };

  // --- Inside a clinic's site: the host page (embed.js) asks for focus when the visitor opens the panel; Web Chat
  // may still be loading, so the send box is focused as soon as it exists. ---
  function focusSendBoxWhenReady() {
    var tries = 0;
    var timer = window.setInterval(function () {
      var input = chatEl.querySelector("[data-id='webchat-sendbox-input']");
      if (input) input.focus();
      if (input || ++tries > 200) window.clearInterval(timer);
    }, 50);
  }

  if (embedded && window.parent !== window) {
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'clinic-chat:focus') focusSendBoxWhenReady();
    });
    // Tells the host page that the panel loaded (it was not refused by frame-ancestors); carries no data.
    window.parent.postMessage({ type: 'clinic-chat:ready' }, '*');
  }

  function start(token) {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    var directLine = window.WebChat.createDirectLine({
      token: token,
      domain: DIRECT_LINE,
      webSocket: false,
      pollingInterval: 500
    });
    // 0 Uninitialized, 1 Connecting, 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended (botframework-directlinejs).
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === 2) hideStatus('Connected to the assistant.');
      else if (status === 3) setStatus('Reconnecting to the assistant…');
      else if (status === 4) failure('Sorry, the chat could not connect.');
      else if (status === 5) setStatus('This conversation has ended. Reload the page to start a new one.');
    });
    // The user id comes from the token (Web Chat reads it from there), so no userID is passed here.
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: 'en-US',
      styleOptions: styleOptions,
      activityStatusMiddleware: activityStatusMiddleware,
      // The 👍/👎 Web Chat shows on approved answers: names that say what a press means ("Like" does not).
      overrideLocalizedStrings: { VOTE_LIKE_ALT: 'Helpful', VOTE_DISLIKE_ALT: 'Not helpful' }
    }, chatEl);
  }

  followVisualViewport();
  var clinicLoaded = loadClinic();
  getToken()
    .then(function (body) { start(body.token); })
    .catch(function () {
      clinicLoaded.then(function () { failure('Sorry, the chat is unavailable right now.'); });
    });
})();
