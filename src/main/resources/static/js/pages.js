/*
 * Behaviour of the sources, topics and import pages. A static file because the Content-Security-Policy
 * forbids inline script; every page works without it, this only makes it friendlier.
 *
 *   form[data-confirm]        asks before submitting (delete a topic); the attribute holds the question
 *   select[data-source-type]  shows the [data-when-type] groups of the chosen type only (feed address for rss)
 *   [data-upload-progress]    a <progress> in an htmx upload form that follows the upload (htmx:xhr:progress)
 */
(function () {
	'use strict';

	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) return;
		if (!window.confirm(form.getAttribute('data-confirm'))) {
			event.preventDefault();
			event.stopImmediatePropagation();
		}
	}, true);

	function showGroupsOf(select) {
		var form = select.form;
		if (!form) return;
		form.querySelectorAll('[data-when-type]').forEach(function (group) {
			var shown = group.getAttribute('data-when-type') === select.value;
			group.hidden = !shown;
			group.querySelectorAll('input, select, textarea').forEach(function (field) {
				field.disabled = !shown;
			});
		});
	}

	function init() {
		document.querySelectorAll('select[data-source-type]').forEach(function (select) {
			showGroupsOf(select);
			select.addEventListener('change', function () { showGroupsOf(select); });
		});
	}

	document.addEventListener('htmx:xhr:progress', function (event) {
		var form = event.target.closest ? event.target.closest('form') : null;
		var bar = form ? form.querySelector('[data-upload-progress]') : null;
		if (!bar || !event.detail || !event.detail.total) return;
		bar.hidden = false;
		bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
	});

	document.addEventListener('htmx:afterRequest', function (event) {
		var form = event.target.closest ? event.target.closest('form') : null;
		var bar = form ? form.querySelector('[data-upload-progress]') : null;
		if (bar) bar.hidden = true;
	});

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
	else init();
})();
