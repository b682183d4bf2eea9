/*
 * Working a case together, in the case view of the inbox:
 *  - presence: the element #presence-list (collab/case.html) posts a heartbeat every 4 s through htmx; this script
 *    sets what it says (#presence-activity: viewing, reply or note) from the agent's typing in the reply and note
 *    boxes, beats at once when typing starts, falls back to "viewing" 5 s after the last keystroke, and tells the
 *    server when the agent leaves the case (another case opened, page closed);
 *  - @mentions: typing "@an" in the note box suggests colleagues (from #colleagues) in a listbox; arrow keys, Enter
 *    or Tab pick, Escape closes.
 * Loaded once by the inbox page; works through event delegation, so it survives htmx swaps of the case pane.
 */
(function () {
	'use strict';

	var TYPING_MS = 5000;
	var lastTyped = 0;

	function activityField() {
		return document.getElementById('presence-activity');
	}

	function kindOf(target) {
		if (!target || !target.id) return null;
		if (target.id === 'reply-text' || target.id === 'answered-text') return 'reply';
		if (target.id === 'note-text') return 'note';
		return null;
	}

	document.addEventListener('input', function (event) {
		var kind = kindOf(event.target);
		var field = activityField();
		if (!kind || !field) return;
		lastTyped = Date.now();
		if (field.value !== kind) {
			field.value = kind;
			if (window.htmx) window.htmx.trigger(document.body, 'presence-now');
		}
	});

	setInterval(function () {
		var field = activityField();
		if (field && field.value !== 'viewing' && Date.now() - lastTyped > TYPING_MS) field.value = 'viewing';
	}, 1000);

	function csrfHeaders() {
		var token = document.querySelector('meta[name=_csrf]');
		var header = document.querySelector('meta[name=_csrf_header]');
		var headers = {};
		if (token && header) headers[header.getAttribute('content')] = token.getAttribute('content');
		return headers;
	}

	function leave(presence) {
		if (!presence) return;
		var url = presence.getAttribute('data-leave-url');
		if (!url || !window.fetch) return;
		window.fetch(url, { method: 'POST', headers: csrfHeaders(), keepalive: true, credentials: 'same-origin' }).catch(function () {});
	}

	// Another case replaces this one: the colleagues need not wait for the expiry to see we left.
	document.addEventListener('htmx:beforeSwap', function (event) {
		var target = event.detail.target;
		if (!target || target.id !== 'case') return;
		var presence = target.querySelector('[data-presence]');
		var incoming = event.detail.serverResponse || '';
		if (presence && incoming.indexOf('data-case-id="' + presence.getAttribute('data-case-id') + '"') < 0) leave(presence);
	});
	window.addEventListener('pagehide', function () {
		leave(document.querySelector('[data-presence]'));
	});

	/* == @mention suggestions in the note box == */
	var list = null;
	var active = -1;

	function colleagues() {
		return Array.prototype.map.call(document.querySelectorAll('#colleagues li'), function (li) {
			return { username: li.getAttribute('data-username'), name: li.textContent };
		});
	}

	function query(box) {
		var before = box.value.slice(0, box.selectionStart);
		var match = /(^|[^\w.@-])@([A-Za-z0-9._-]{0,32})$/.exec(before);
		return match ? match[2] : null;
	}

	function close() {
		if (list) list.remove();
		list = null;
		active = -1;
	}

	function pick(box, username) {
		var caret = box.selectionStart;
		var before = box.value.slice(0, caret).replace(/@([A-Za-z0-9._-]*)$/, '@' + username + ' ');
		box.value = before + box.value.slice(caret);
		box.setSelectionRange(before.length, before.length);
		close();
		box.focus();
	}

	function highlight(index) {
		if (!list) return;
		var options = list.querySelectorAll('[role=option]');
		if (!options.length) return;
		active = (index + options.length) % options.length;
		options.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
		var box = document.getElementById('note-text');
		if (box) box.setAttribute('aria-activedescendant', options[active].id);
	}

	function suggest(box) {
		var q = query(box);
		close();
		if (q === null) return;
		var lower = q.toLowerCase();
		var found = colleagues().filter(function (c) {
			return c.username.toLowerCase().indexOf(lower) === 0 || c.name.toLowerCase().indexOf(lower) === 0;
		}).slice(0, 8);
		if (!found.length) return;
		list = document.createElement('ul');
		list.id = 'mention-suggestions';
		list.className = 'mention-suggestions';
		list.setAttribute('role', 'listbox');
		found.forEach(function (c, i) {
			var li = document.createElement('li');
			li.id = 'mention-option-' + i;
			li.setAttribute('role', 'option');
			li.setAttribute('data-username', c.username);
			li.textContent = c.name + ' (@' + c.username + ')';
			li.addEventListener('mousedown', function (e) {
				e.preventDefault();
				pick(box, c.username);
			});
			list.appendChild(li);
		});
		box.setAttribute('aria-controls', list.id);
		box.insertAdjacentElement('afterend', list);
		highlight(0);
	}

	document.addEventListener('input', function (event) {
		if (event.target && event.target.id === 'note-text') suggest(event.target);
	});
	document.addEventListener('keydown', function (event) {
		var box = event.target;
		if (!list || !box || box.id !== 'note-text') return;
		if (event.key === 'ArrowDown') { highlight(active + 1); event.preventDefault(); }
		else if (event.key === 'ArrowUp') { highlight(active - 1); event.preventDefault(); }
		else if (event.key === 'Enter' || event.key === 'Tab') {
			var option = list.querySelectorAll('[role=option]')[active];
			if (option) { pick(box, option.getAttribute('data-username')); event.preventDefault(); }
		}
		else if (event.key === 'Escape') { close(); event.preventDefault(); event.stopPropagation(); }
	}, true);
	document.addEventListener('focusout', function (event) {
		if (event.target && event.target.id === 'note-text') setTimeout(close, 150);
	});
})();
