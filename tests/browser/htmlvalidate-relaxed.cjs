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
	},
};
