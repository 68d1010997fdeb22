// html-validate rules that .htmlvalidate.json turns down from
// html-validate:recommended, each with its reason.  (JSON has no
// comments, so the reasons live here; .htmlvalidate.json extends this
// file last.)  Add a rule here only with a reason a reviewer can check.
'use strict';

module.exports = {
	rules: {
		// long-title: an SEO heuristic (search results cut titles at about
		// 70 characters), not an accessibility or validity rule.  Our
		// titles are "<page title> - <agency name>": the page's own title
		// comes first, so a cut-off loses only the agency name, and page
		// titles are written to be descriptive (WCAG 2.4.2) rather than
		// short.  The agency name alone takes 32 of the 70 characters.
		'long-title': 'off',

		// tel-non-breaking: asks for &nbsp; inside the text of tel: links so
		// that a phone number never breaks across lines.  The numbers come
		// from config.yaml, directory records and Markdown, where people
		// type ordinary spaces, and a template cannot rewrite them; the
		// theme keeps them whole with a[href^="tel:"] { white-space: nowrap }
		// instead, which html-validate cannot see.  tests/browser/run checks
		// the real thing in Chromium: at 320 CSS px every tel: link must sit
		// on one line.
		'tel-non-breaking': 'off',
	},
};
