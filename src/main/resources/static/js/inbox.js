/*
 * The live inbox. htmx re-fetches the case list when the server sends the SSE event "cases" (and once when the
 * connection opens, for what changed before it did); this script
 * keeps the open case's row selected across those swaps, marks rows that were not there before (they slide
 * in) and tells screen readers "N new cases" through #inbox-news (aria-live). Loaded only by the inbox page.
 */
(function () {
	'use strict';

	var known = null;
	// set while the refresh asked for when the live connection opened is on its way
	var refreshOnOpen = false;

	function rowIds(root) {
		return Array.prototype.map.call((root || document).querySelectorAll('[data-row][data-case-id]'), function (row) {
			return row.getAttribute('data-case-id');
		});
	}

	function openCaseId() {
		var pane = document.getElementById('case');
		return pane ? pane.getAttribute('data-case-id') : null;
	}

	function markSelected() {
		var id = openCaseId();
		document.querySelectorAll('[data-row][data-case-id]').forEach(function (row) {
			if (id && row.getAttribute('data-case-id') === id) row.setAttribute('aria-selected', 'true');
			else row.removeAttribute('aria-selected');
		});
	}

	function announce(count) {
		var news = document.getElementById('inbox-news');
		if (!news || count <= 0) return;
		var text = count === 1 ? news.getAttribute('data-one') : (news.getAttribute('data-many') || '').replace('{0}', count);
		news.textContent = text;
		news.classList.add('is-shown');
		clearTimeout(announce.timer);
		announce.timer = setTimeout(function () { news.classList.remove('is-shown'); }, 6000);
	}

	document.addEventListener('htmx:beforeSwap', function (event) {
		var target = event.detail.target;
		// Only a live refresh (same filters) counts as news; switching views is not.
		if (target && target.id === 'list') {
			var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
			known = (trigger && trigger.type === 'sse:cases') || refreshOnOpen ? rowIds(target) : null;
			refreshOnOpen = false;
		}
	});

	// Settles after the main and the out-of-band swaps alike, so the new list is in place by now.
	document.addEventListener('htmx:afterSettle', function () {
		var list = document.getElementById('list');
		if (known !== null && list) {
			var fresh = 0;
			list.querySelectorAll('[data-row][data-case-id]').forEach(function (row) {
				if (known.indexOf(row.getAttribute('data-case-id')) < 0) {
					row.classList.add('row-new');
					fresh++;
				}
			});
			known = null;
			announce(fresh);
		}
		markSelected();
	});

	// The live connection opens a moment after the page is drawn (and again after a dropped connection): whatever
	// changed in between sent its event to nobody, so the list refreshes once when the connection opens.
	document.addEventListener('htmx:sseOpen', function () {
		var list = document.getElementById('list');
		if (!list || !window.htmx || !list.getAttribute('hx-get')) return;
		refreshOnOpen = true;
		window.htmx.ajax('GET', list.getAttribute('hx-get'), { source: list, target: list, swap: 'outerHTML' });
	});

	// Keep keyboard focus on the row that was focused before a live refresh replaced it.
	var focusedId = null;
	document.addEventListener('htmx:beforeSwap', function () {
		var active = document.activeElement;
		focusedId = active && active.matches && active.matches('[data-row]') ? active.getAttribute('data-case-id') : null;
	});
	document.addEventListener('htmx:afterSwap', function () {
		if (!focusedId) return;
		var row = document.querySelector('[data-row][data-case-id="' + focusedId + '"]');
		if (row && document.activeElement !== row) row.focus({ preventScroll: true });
		focusedId = null;
	});

	document.addEventListener('click', function (event) {
		var row = event.target.closest ? event.target.closest('[data-row]') : null;
		if (!row || event.ctrlKey || event.metaKey || event.shiftKey) return;
		document.querySelectorAll('[data-row][aria-selected]').forEach(function (r) { r.removeAttribute('aria-selected'); });
		row.setAttribute('aria-selected', 'true');
	});
})();
