// The clinic chat on a clinic's own website, with one tag:
//   <script src="https://bot.example/embed.js" data-title="Questions? Chat with us" data-color="#00515f" defer></script>
// It adds a launcher button and, when pressed, a panel holding our chat page (/embed.html) in an iframe: the
// conversation stays on our origin (the host page's scripts cannot read it), under our CSP, and the host page holds no
// secret. Our server only lets the origins in Chatbot:Embed:AllowedOrigins frame the panel (frame-ancestors); elsewhere
// the panel offers the chat in a new tab instead. Nothing loads until the visitor opens the chat.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src || window.__clinicChatEmbed) return;
  window.__clinicChatEmbed = true;

  var botOrigin = new URL(script.src, window.location.href).origin;
  var title = (script.getAttribute('data-title') || 'Chat with us').slice(0, 60);
  var color = script.getAttribute('data-color') || '#00515f';
  if (!(window.CSS && CSS.supports('color', color))) color = '#00515f';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var READY_TIMEOUT_MS = 60000;

  // Text on the brand colour: white or near-black, whichever has the higher contrast (WCAG relative luminance).
  function textColorOn(background) {
    var probe = document.createElement('span');
    probe.style.color = background;
    probe.style.display = 'none';
    document.body.appendChild(probe);
    var rgb = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) || ['0', '0', '0']).slice(0, 3).map(Number);
    probe.remove();
    var lum = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#ffffff' : '#0b0c0c';
  }

  function css(ink) {
    return [
      ':host { all: initial; }',
      '*, *::before, *::after { box-sizing: border-box; }',
      '.launcher { position: fixed; bottom: 16px; ' + side + ': 16px; z-index: 2147483000; display: inline-flex; align-items: center; gap: 8px;',
      '  min-height: 48px; padding: 10px 18px; border: 2px solid ' + ink + '; border-radius: 24px; background: ' + color + '; color: ' + ink + ';',
      '  font: 600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; cursor: pointer;',
      '  box-shadow: 0 2px 8px rgba(0,0,0,.3); }',
      '.launcher svg { width: 22px; height: 22px; fill: currentColor; }',
      '.launcher[aria-expanded="true"] { display: none; }',
      '.panel { position: fixed; bottom: 16px; ' + side + ': 16px; z-index: 2147483001; display: flex; flex-direction: column;',
      '  width: 400px; height: min(680px, calc(100vh - 32px)); background: #fff; border: 1px solid #6b7b80; border-radius: 8px;',
      '  box-shadow: 0 4px 24px rgba(0,0,0,.35); overflow: hidden; }',
      '.panel[hidden] { display: none; }',
      '.panel__header { flex: none; display: flex; align-items: center; justify-content: space-between; gap: 8px;',
      '  padding: 4px 4px 4px 14px; background: ' + color + '; color: ' + ink + ';',
      '  font: 600 16px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }',
      '.close { min-width: 44px; min-height: 44px; border: 0; border-radius: 4px; background: transparent; color: inherit; font: inherit; font-size: 24px; cursor: pointer; }',
      '.launcher:focus-visible, .close:focus-visible, .fallback a:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; box-shadow: 0 0 0 6px #0b0c0c; }',
      'iframe { flex: 1 1 auto; width: 100%; min-height: 0; border: 0; }',
      '.fallback { margin: 16px; color: #1b1b1b; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }',
      '.fallback a { color: #00515f; font-weight: 600; }',
      '.fallback .emergency { color: #a4000f; font-weight: 700; }',
      // Phones: the panel owns the screen (dvh follows the browser bars and, where supported, the keyboard).
      '@media (max-width: 480px) { .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; border: 0; border-radius: 0; } }',
      '@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }'
    ].join('\n');
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function mount() {
    var ink = textColorOn(color);
    var host = el('div', { id: 'clinic-chat-embed' });
    var root = host.attachShadow({ mode: 'open' });

    // A constructed stylesheet works under host pages whose CSP forbids inline <style>; older browsers get a <style>.
    if ('adoptedStyleSheets' in root && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css(ink));
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', {}, css(ink)));
    }

    var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'clinic-chat-panel' });
    launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
    launcher.appendChild(el('span', {}, title));

    var panel = el('div', { id: 'clinic-chat-panel', class: 'panel', role: 'dialog', 'aria-label': title, hidden: '' });
    var header = el('div', { class: 'panel__header' });
    header.appendChild(el('span', {}, title));
    var close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close the chat' }, '×');
    header.appendChild(close);
    panel.appendChild(header);

    var frame = null;
    var ready = false;
    var readyTimer = null;

    function showFallback() {
      if (ready || !frame) return;
      frame.remove();
      frame = null;
      var box = el('div', { class: 'fallback', role: 'status' });
      box.appendChild(el('p', {}, 'The chat could not open here.'));
      var p = el('p');
      var link = el('a', { href: botOrigin + '/', target: '_blank', rel: 'noopener' }, 'Open the chat in a new tab');
      p.appendChild(link);
      box.appendChild(p);
      var emergency = el('p', { class: 'emergency' });
      emergency.innerHTML = 'Emergency: <a href="tel:911">911</a> · Crisis: <a href="tel:988">call 988</a> / <a href="sms:988">text 988</a>';
      box.appendChild(emergency);
      panel.appendChild(box);
    }

    function ensureFrame() {
      if (frame || panel.querySelector('.fallback')) return;
      frame = el('iframe', { src: botOrigin + '/embed.html', title: title, referrerpolicy: 'no-referrer' });
      // The panel says it is ready as soon as its script runs, before its load event; a frame that loads without
      // saying so was refused (frame-ancestors: this site is not allowed) or failed. The long timer is a backstop.
      frame.addEventListener('load', function () { window.setTimeout(showFallback, 1500); });
      panel.appendChild(frame);
      readyTimer = window.setTimeout(showFallback, READY_TIMEOUT_MS);
    }

    function askFocus() {
      if (!frame || !ready) return;
      // Focus the frame from this side first: a cross-origin frame may not take focus on its own.
      frame.focus();
      frame.contentWindow.postMessage({ type: 'clinic-chat:focus' }, botOrigin);
    }

    function open() {
      ensureFrame();
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      if (ready) askFocus();
      else (frame ? close : panel.querySelector('.fallback a') || close).focus();
    }

    function shut() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    window.addEventListener('message', function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== botOrigin) return;
      if (event.data && event.data.type === 'clinic-chat:ready') {
        ready = true;
        window.clearTimeout(readyTimer);
        if (!panel.hidden) askFocus();
      }
    });

    launcher.addEventListener('click', open);
    close.addEventListener('click', shut);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') shut();
    });

    root.appendChild(launcher);
    root.appendChild(panel);
    document.body.appendChild(host);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
