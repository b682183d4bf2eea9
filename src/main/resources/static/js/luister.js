/*
 * Luister's keyboard and page behaviour. Every script lives in a static file like this one: the
 * Content-Security-Policy forbids inline script. Works on any page; the elements it looks for are optional.
 *
 *   j / k     move the selection between [data-row] elements (the case list) and focus it
 *   Enter     open the focused row (its own href, or the first link inside it)
 *   r / n     focus #reply-text / #note-text
 *   a / e     click [data-action=assign-me] / [data-action=resolve]
 *   g then i  go to the inbox (/)
 *   /         focus #search-input
 *   ?         show or hide the cheat sheet, <dialog id="shortcuts"> (also [data-action=shortcuts])
 *
 * Keys are ignored while typing in a field, and when a modifier (Ctrl, Alt, Meta) is held.
 */
(function () {
	'use strict';

	var pendingG = false;
	var pendingGTimer = null;

	function isTyping(target) {
		if (!target || !target.tagName) return false;
		var tag = target.tagName;
		return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
	}

	function rows() {
		return Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
	}

	function select(row) {
		rows().forEach(function (r) {
			if (r !== row) r.removeAttribute('aria-selected');
		});
		row.setAttribute('aria-selected', 'true');
		if (!row.hasAttribute('tabindex') && !row.matches('a[href], button')) row.setAttribute('tabindex', '-1');
		row.focus();
		row.scrollIntoView({ block: 'nearest' });
	}

	function move(step) {
		var all = rows();
		if (all.length === 0) return;
		var current = all.findIndex(function (r) {
			return r === document.activeElement || r.contains(document.activeElement);
		});
		if (current < 0) current = all.findIndex(function (r) { return r.getAttribute('aria-selected') === 'true'; });
		var next = current < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + step));
		select(all[next]);
	}

	function open(row) {
		var link = row.matches('a[href]') ? row : row.querySelector('a[href]');
		if (link) link.click();
	}

	function focusField(id) {
		var field = document.getElementById(id);
		if (!field) return false;
		field.focus();
		return true;
	}

	function clickAction(name) {
		var button = document.querySelector('[data-action="' + name + '"]');
		if (!button || button.disabled) return false;
		button.click();
		return true;
	}

	function toggleShortcuts() {
		var dialog = document.getElementById('shortcuts');
		if (!dialog || typeof dialog.showModal !== 'function') return;
		if (dialog.open) dialog.close(); else dialog.showModal();
	}

	document.addEventListener('keydown', function (event) {
		if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
		if (isTyping(event.target)) return;
		var dialog = document.getElementById('shortcuts');
		if (dialog && dialog.open && event.key !== '?') return;

		if (pendingG) {
			pendingG = false;
			clearTimeout(pendingGTimer);
			if (event.key === 'i') {
				event.preventDefault();
				window.location.href = '/';
				return;
			}
			if (event.key === 'd') {
				event.preventDefault();
				window.location.href = '/dashboards';
				return;
			}
		}

		var handled = true;
		switch (event.key) {
			case 'j': move(1); break;
			case 'k': move(-1); break;
			case 'Enter': {
				var row = event.target.closest ? event.target.closest('[data-row]') : null;
				if (row && !event.target.matches('a[href], button')) open(row); else handled = false;
				break;
			}
			case 'r': handled = focusField('reply-text'); break;
			case 'n': handled = focusField('note-text'); break;
			case 'a': handled = clickAction('assign-me'); break;
			case 'e': handled = clickAction('resolve'); break;
			case '/': handled = focusField('search-input'); break;
			case '?': toggleShortcuts(); break;
			case 'g':
				pendingG = true;
				pendingGTimer = setTimeout(function () { pendingG = false; }, 1500);
				break;
			default: handled = false;
		}
		if (handled) event.preventDefault();
	});

	document.addEventListener('click', function (event) {
		var trigger = event.target.closest ? event.target.closest('[data-action="shortcuts"]') : null;
		if (trigger) toggleShortcuts();
		// the settings menu closes when you click anywhere else
		document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
			if (!menu.contains(event.target)) menu.removeAttribute('open');
		});
	});

	document.addEventListener('keydown', function (event) {
		if (event.key !== 'Escape') return;
		document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
			menu.removeAttribute('open');
			var summary = menu.querySelector('summary');
			if (summary) summary.focus();
		});
	});
})();
