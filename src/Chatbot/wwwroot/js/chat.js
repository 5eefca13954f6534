// The clinic chat page: clinic details from /api/clinic, a Direct Line token from our own server, then Web Chat.
// No secrets, no third-party requests, no analytics. Kept in an external file so the page works under a strict CSP.
(function () {
  'use strict';

  var DIRECT_LINE = window.location.origin + '/v3/directline';
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

  function loadClinic() {
    return fetch('/api/clinic', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('clinic details: HTTP ' + response.status);
        return response.json();
      })
      .then(function (clinic) {
        if (clinic.name) {
          document.getElementById('clinic-name').textContent = clinic.name;
          document.title = 'Chat with ' + clinic.name + "'s assistant";
        }
        if (clinic.phone) {
          clinicPhone = clinic.phone;
          var link = document.getElementById('clinic-phone');
          link.textContent = clinic.phone;
          link.href = telHref(clinic.phone);
          document.getElementById('clinic-phone-item').hidden = false;
        }
        if (clinic.hours) {
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
    subtle: '#595959',
    timestampColor: '#595959',
    suggestedActionTextColor: '#00515f',
    suggestedActionBorderColor: '#00515f',
    suggestedActionBorderWidth: 2,
    sendBoxButtonColor: '#595959',
    sendBoxButtonColorOnHover: '#00515f',
    sendBoxPlaceholderColor: '#595959',
    hideUploadButton: true,
    sendTypingIndicator: false
  };

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
    window.WebChat.renderWebChat({ directLine: directLine, locale: 'en-US', styleOptions: styleOptions }, chatEl);
  }

  var clinicLoaded = loadClinic();
  getToken()
    .then(function (body) { start(body.token); })
    .catch(function () {
      clinicLoaded.then(function () { failure('Sorry, the chat is unavailable right now.'); });
    });
})();
