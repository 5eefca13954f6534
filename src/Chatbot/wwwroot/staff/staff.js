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
