// SLA clocks (sla/fragments.html): the server renders the state; this turns a clock orange or red when its 80% mark
// or due time passes while the page stays open, without waiting for the next list refresh.
(function () {
	'use strict';
	function update() {
		var now = Date.now();
		document.querySelectorAll('.sla-clock[data-sla-due]').forEach(function (el) {
			var due = Date.parse(el.dataset.slaDue);
			var warn = el.dataset.slaWarn ? Date.parse(el.dataset.slaWarn) : NaN;
			var state = now >= due ? 'sla-breached' : (!isNaN(warn) && now >= warn ? 'sla-warning' : 'sla-ok');
			if (!el.classList.contains(state)) {
				el.classList.remove('sla-ok', 'sla-warning', 'sla-breached');
				el.classList.add(state);
			}
		});
	}
	setInterval(update, 30000);
})();
