// Staff page helpers, loaded as a file (the CSP allows no inline script). Everything works without it.
(function () {
  'use strict';

  // Live count of example questions (one per line) next to the examples box.
  document.querySelectorAll('[data-count-for]').forEach(function (counter) {
    var box = document.getElementById(counter.getAttribute('data-count-for'));
    if (!box) { return; }
    var update = function () {
      counter.textContent = box.value.split('\n').filter(function (line) { return line.trim().length > 0; }).length;
    };
    box.addEventListener('input', update);
  });

  // Confirmation for actions that cannot be undone from the page.
  document.querySelectorAll('[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });

  // Live chat (/staff/handoffs?reference=…): new messages are polled every 3 s and appended; the page reloads when the
  // chat is taken or ends.
  document.querySelectorAll('[data-live-messages]').forEach(function (list) {
    var after = Number(list.getAttribute('data-after')) || 0;
    var poll = function () {
      fetch(list.getAttribute('data-live-messages') + '&after=' + after, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          data.messages.forEach(function (message) {
            var item = document.createElement('li');
            item.className = 'from-' + message.sender.toLowerCase();
            var meta = document.createElement('span');
            meta.className = 'hint';
            meta.textContent = message.at + ' · ' + message.who;
            item.appendChild(meta);
            item.appendChild(document.createTextNode(' ' + message.text));
            list.appendChild(item);
            after = Math.max(after, message.sequence);
          });
          if (data.status !== list.getAttribute('data-status')) { window.location.reload(); return; }
          setTimeout(poll, 3000);
        })
        .catch(function () { setTimeout(poll, 10000); });
    };
    setTimeout(poll, 3000);
  });

  // Long actions (publish) say they are working and cannot be sent twice.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('button[data-busy]').forEach(function (button) {
        button.textContent = button.getAttribute('data-busy');
        setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
})();
