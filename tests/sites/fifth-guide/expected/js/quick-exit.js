/*
 * quick-exit.js: the "Leave this site" link works without JavaScript.
 * With it, pressing Escape twice in quick succession does the same, and
 * the page is replaced in history so Back does not return to it.
 */
(function () {
  'use strict';
  var link = document.querySelector('.sp-quick-exit');
  if (!link) return;
  var target = link.getAttribute('href');
  var last = 0;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    window.location.replace(target);
  }

  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var now = Date.now();
    if (now - last < 800) leave(event);
    last = now;
  });
})();
