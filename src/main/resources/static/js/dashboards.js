// Dashboards: draws every .chart[data-chart] with uPlot and exports a chart as PNG (title, white background).
// Data comes from the data-chart attribute: {"x": [epoch seconds], "series": [{"label", "key", "values"}]}.
(function () {
	'use strict';
	const COLORS = { mentions: '#2563eb', negative: '#dc2626', positive: '#16a34a', neutral: '#6b7280', complaints: '#ea580c',
		open: '#2563eb', opened: '#9333ea', resolved: '#16a34a', firstResponse: '#ea580c' };
	const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d', '#7c3aed', '#0f766e'];
	const charts = [];

	function draw(el) {
		const d = JSON.parse(el.dataset.chart);
		const zone = el.dataset.zone;
		const series = [{}].concat(d.series.map(function (s, i) {
			return { label: s.label, stroke: COLORS[s.key] || PALETTE[i % PALETTE.length], width: 2, points: { show: d.x.length < 60 } };
		}));
		const opts = {
			width: Math.max(320, el.clientWidth || 640), height: 260, series: series,
			scales: { x: { time: true } },
			tzDate: zone && uPlot.tzDate ? function (ts) { return uPlot.tzDate(new Date(ts * 1000), zone); } : undefined
		};
		const u = new uPlot(opts, [d.x].concat(d.series.map(function (s) { return s.values; })), el);
		charts.push({ el: el, u: u });
		const card = el.closest('.chart-card');
		const button = card && card.querySelector('[data-png="' + el.dataset.name + '"]');
		if (button) button.addEventListener('click', function () { png(el, u, card); });
	}

	function png(el, u, card) {
		const source = u.ctx.canvas;
		const title = (card.querySelector('h2, h3') || {}).textContent || el.dataset.name;
		const out = document.createElement('canvas');
		out.width = source.width;
		out.height = source.height + 40;
		const ctx = out.getContext('2d');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, out.width, out.height);
		ctx.fillStyle = '#111827';
		ctx.font = '600 20px system-ui, sans-serif';
		ctx.fillText(title.trim(), 12, 26);
		ctx.drawImage(source, 0, 40);
		out.toBlob(function (blob) {
			const a = document.createElement('a');
			a.href = URL.createObjectURL(blob);
			a.download = 'luister-' + el.dataset.name + '.png';
			document.body.appendChild(a);
			a.click();
			a.remove();
			setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
		}, 'image/png');
	}

	function init() {
		if (typeof uPlot === 'undefined') return;
		document.querySelectorAll('.chart[data-chart]').forEach(draw);
		let pending;
		window.addEventListener('resize', function () {
			clearTimeout(pending);
			pending = setTimeout(function () {
				charts.forEach(function (c) { c.u.setSize({ width: Math.max(320, c.el.clientWidth), height: 260 }); });
			}, 150);
		});
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
	else init();
})();
