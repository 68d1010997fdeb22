/*
 * print.js: on a guide's print page, a "Print this guide" button.  The
 * browser's own Print command works without it; the button only saves
 * looking for that command.
 */
(function () {
  'use strict';
  var note = document.querySelector('.sp-print-note');
  if (!note || typeof window.print !== 'function') return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'sp-print-button';
  button.textContent = 'Print this guide';
  button.addEventListener('click', function () { window.print(); });
  note.parentNode.insertBefore(button, note.nextSibling);
})();
