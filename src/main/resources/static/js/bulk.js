/*
 * Bulk selection in the inbox's case list (templates/routing/bulk.html). Each row has a check box
 * ([data-bulk-select], form="bulk"); the bar (form[data-bulk]) shows while anything is selected.
 *
 *   x            select or unselect the current row (the focused or selected [data-row])
 *   Shift-click  on a check box: select the range from the last one clicked
 *   Clear        unselect everything
 *
 * The selection survives the list being re-rendered by htmx (live updates): the chosen ids are kept here and
 * ticked again after every swap.
 */
(function () {
	'use strict';

	var chosen = new Set();
	var lastClicked = null;

	function bar() {
		return document.querySelector('form[data-bulk]');
	}

	function boxes() {
		return Array.prototype.slice.call(document.querySelectorAll('[data-bulk-select]'));
	}

	function isTyping(target) {
		if (!target || !target.tagName) return false;
		var tag = target.tagName;
		return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
	}

	function render() {
		var form = bar();
		boxes().forEach(function (box) {
			box.checked = chosen.has(box.value);
			var li = box.closest('li');
			if (li) li.classList.toggle('is-checked', box.checked);
		});
		if (!form) return;
		form.hidden = chosen.size === 0;
		var count = form.querySelector('[data-bulk-count]');
		if (count) {
			var text = chosen.size === 1 ? count.getAttribute('data-one') : count.getAttribute('data-many');
			count.textContent = (text || '{0}').replace('{0}', String(chosen.size));
		}
	}

	function set(box, on) {
		if (on) chosen.add(box.value); else chosen.delete(box.value);
	}

	function currentRow() {
		var active = document.activeElement;
		var row = active && active.closest ? active.closest('[data-row]') : null;
		return row || document.querySelector('[data-row][aria-selected="true"]');
	}

	document.addEventListener('click', function (event) {
		var box = event.target.closest ? event.target.closest('[data-bulk-select]') : null;
		if (box) {
			var all = boxes();
			if (event.shiftKey && lastClicked !== null) {
				var from = all.findIndex(function (b) { return b.value === lastClicked; });
				var to = all.indexOf(box);
				if (from >= 0 && to >= 0) {
					for (var i = Math.min(from, to); i <= Math.max(from, to); i++) set(all[i], box.checked);
				}
			}
			set(box, box.checked);
			lastClicked = box.value;
			render();
			return;
		}
		if (event.target.closest && event.target.closest('[data-bulk-clear]')) {
			chosen.clear();
			render();
		}
	});

	document.addEventListener('keydown', function (event) {
		if (event.key !== 'x' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
		if (isTyping(event.target)) return;
		var dialog = document.getElementById('shortcuts');
		if (dialog && dialog.open) return;
		var row = currentRow();
		var li = row ? row.closest('li') : null;
		var box = li ? li.querySelector('[data-bulk-select]') : null;
		if (!box) return;
		event.preventDefault();
		set(box, !chosen.has(box.value));
		lastClicked = box.value;
		render();
	});

	document.addEventListener('htmx:afterSwap', render);
	document.addEventListener('DOMContentLoaded', function () {
		boxes().forEach(function (box) { if (box.checked) chosen.add(box.value); });
		render();
	});
})();
