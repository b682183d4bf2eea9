/*
 * The template picker of the reply box: "t" (or the Template button) opens the dialog and searches; arrow keys move
 * between the templates, Enter or a click inserts the chosen one (already rendered for the case by the server) at
 * the cursor in the reply box. The text is set as the textarea's value, never parsed as HTML.
 */
(function () {
	'use strict';

	function isTyping(target) {
		if (!target || !target.tagName) return false;
		var tag = target.tagName.toLowerCase();
		return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
	}

	function picker() {
		return document.getElementById('template-picker');
	}

	function openPicker() {
		var dialog = picker();
		if (!dialog || typeof dialog.showModal !== 'function') return false;
		if (!dialog.open) dialog.showModal();
		var search = document.getElementById('template-search');
		if (search) {
			search.focus();
			search.select();
			if (window.htmx) window.htmx.trigger(search, 'picker-open');
		}
		return true;
	}

	function choices() {
		return Array.prototype.slice.call(document.querySelectorAll('#template-results [data-template-choice]'));
	}

	function insert(text) {
		var box = document.getElementById('reply-text');
		var dialog = picker();
		if (dialog && dialog.open) dialog.close();
		if (!box) return;
		var start = typeof box.selectionStart === 'number' ? box.selectionStart : box.value.length;
		var end = typeof box.selectionEnd === 'number' ? box.selectionEnd : start;
		box.value = box.value.slice(0, start) + text + box.value.slice(end);
		box.focus();
		box.setSelectionRange(start + text.length, start + text.length);
		box.dispatchEvent(new Event('input', { bubbles: true }));
	}

	document.addEventListener('keydown', function (event) {
		if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
		var dialog = picker();
		if (dialog && dialog.open) {
			var list = choices();
			var at = list.indexOf(document.activeElement);
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				if (list.length === 0) return;
				var next = event.key === 'ArrowDown' ? Math.min(at + 1, list.length - 1) : at - 1;
				if (next < 0) document.getElementById('template-search').focus(); else list[next].focus();
				event.preventDefault();
			}
			else if (event.key === 'Enter' && event.target.id === 'template-search') {
				if (list.length > 0) insert(list[0].getAttribute('data-text'));
				event.preventDefault();
			}
			return;
		}
		if (event.key === 't' && !isTyping(event.target) && openPicker()) event.preventDefault();
	});

	document.addEventListener('click', function (event) {
		if (!event.target.closest) return;
		var choice = event.target.closest('[data-template-choice]');
		if (choice) {
			insert(choice.getAttribute('data-text'));
			return;
		}
		if (event.target.closest('[data-action="templates"]')) openPicker();
	});
})();
