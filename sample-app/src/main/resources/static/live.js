// The live page: polls GET /live every second and draws each node, its lag, and the read/write
// split. Plain DOM, no framework: cards are built once per node and updated in place, so that a
// button is never replaced under the visitor's (or a test's) pointer unless its actions change.
'use strict';

const POLL_MILLIS = 1000;
const HISTORY = 60;

const LABELS = {
	pause: 'Pause replay',
	resume: 'Resume replay',
	stop: 'Stop',
	start: 'Start',
	promote: 'Promote',
	rebuild: 'Rebuild as replica'
};

const cards = new Map();
const lagHistory = new Map();
let busy = false;

function el(tag, attributes, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes || {})) {
		element.setAttribute(name, value);
	}
	for (const child of children) {
		element.append(child);
	}
	return element;
}

function formatBytes(bytes) {
	if (bytes < 0) return 'unknown';
	if (bytes < 1024) return bytes + ' B';
	if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' kB';
	return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function formatMillis(millis) {
	if (millis === null || millis === undefined) return 'unknown';
	if (millis < 1000) return millis + ' ms';
	return (millis / 1000).toFixed(1) + ' s';
}

function field(card, name, text, value) {
	const target = card.querySelector('[data-field="' + name + '"]');
	target.textContent = text;
	if (value !== undefined) target.setAttribute('data-value', String(value));
}

function createCard(name) {
	const card = el('article', { class: 'node', 'data-node': name },
		el('h3', {}, el('span', { 'data-field': 'name' }, name), el('span', { class: 'chip role', 'data-field': 'role' })),
		el('div', { class: 'chips', 'data-field': 'state' }),
		el('dl', {},
			el('dt', {}, 'lag'), el('dd', { class: 'big', 'data-field': 'lag-bytes' }),
			el('dt', {}, 'lag time'), el('dd', { 'data-field': 'lag-time' }),
			el('dt', {}, 'WAL position'), el('dd', { 'data-field': 'position' }),
			el('dt', {}, 'last check'), el('dd', { 'data-field': 'last-check' }),
			el('dt', {}, 'last error'), el('dd', { 'data-field': 'last-error' })),
		el('div', { class: 'legend' }, 'lag over the last minute (same scale for every node)'),
		document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
		el('div', { class: 'traffic' },
			el('div', { class: 'bar' }, el('div', { class: 'r' }), el('div', { class: 'w' })),
			el('div', { class: 'legend', 'data-field': 'traffic' })),
		el('div', { class: 'controls', 'data-field': 'controls' }));
	const svg = card.querySelector('svg');
	svg.setAttribute('class', 'spark');
	svg.setAttribute('viewBox', '0 0 ' + (HISTORY - 1) + ' 100');
	svg.setAttribute('preserveAspectRatio', 'none');
	svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'polyline'));
	document.getElementById('nodes').append(card);
	return card;
}

function chip(text, kind) {
	return el('span', { class: 'chip ' + (kind || '') }, text);
}

// One scale for every node, so that a replica's brief blip does not look like a paused one's lag.
function drawSpark(card, history, max) {
	const points = history.map((bytes, i) => (HISTORY - history.length + i) + ',' + (98 - (Math.max(bytes, 0) / max) * 94));
	card.querySelector('polyline').setAttribute('points', points.join(' '));
}

function updateControls(card, node) {
	const container = card.querySelector('[data-field="controls"]');
	const actions = node.demo ? node.demo.actions : [];
	const key = actions.join(',');
	if (container.getAttribute('data-actions') === key) return;
	container.setAttribute('data-actions', key);
	container.replaceChildren();
	if (!node.demo) return;
	container.append(el('span', { class: 'label' }, 'demo'));
	for (const action of actions) {
		const button = el('button', { type: 'button', 'data-action': action }, LABELS[action] || action);
		button.addEventListener('click', () => perform(node.name, action));
		container.append(button);
	}
}

function updateCard(node, windowSeconds) {
	const card = cards.get(node.name) || createCard(node.name);
	cards.set(node.name, card);
	card.className = 'node' + (node.up ? '' : ' down') + (node.writer ? ' writer' : '')
		+ (node.up && !node.writer && !node.readable ? ' unreadable' : '');
	field(card, 'role', node.role);
	const state = card.querySelector('[data-field="state"]');
	const chips = [node.up ? chip('up', 'ok') : chip('down', 'bad')];
	if (node.writer) chips.push(chip('takes writes', 'write'));
	if (node.readable) chips.push(chip('serves reads', 'ok'));
	else if (node.up && !node.writer) chips.push(chip('no reads', 'warn'));
	if (node.fenced) chips.push(chip('fenced', 'bad'));
	if (node.demo && node.demo.replayPaused) chips.push(chip('replay paused', 'warn'));
	if (node.demo && !node.demo.running) chips.push(chip('server stopped', 'bad'));
	state.replaceChildren(...chips);
	state.setAttribute('data-value', chips.map((c) => c.textContent).join(','));

	field(card, 'lag-bytes', formatBytes(node.lagBytes), node.lagBytes);
	field(card, 'lag-time', node.lagKnown ? formatMillis(node.lagMillis) : 'unknown', node.lagMillis ?? '');
	field(card, 'position', node.position < 0 ? 'unknown' : node.position.toLocaleString('en') + ' B', node.position);
	field(card, 'last-check', node.lastCheck ? new Date(node.lastCheck).toLocaleTimeString('en-GB') : 'not yet');
	// The monitor keeps a node's last error after it recovers: dimmed then, in full on hover.
	field(card, 'last-error', node.lastError || '–');
	const error = card.querySelector('[data-field="last-error"]');
	error.className = node.lastError ? (node.up ? 'past-error' : 'error') : '';
	error.title = node.lastError || '';

	const history = lagHistory.get(node.name) || [];
	history.push(Math.max(node.lagBytes, 0));
	if (history.length > HISTORY) history.shift();
	lagHistory.set(node.name, history);

	const total = node.reads + node.writes;
	card.querySelector('.bar .r').style.width = (total ? 100 * node.reads / total : 0) + '%';
	card.querySelector('.bar .w').style.width = (total ? 100 * node.writes / total : 0) + '%';
	const traffic = card.querySelector('[data-field="traffic"]');
	traffic.replaceChildren(el('b', { class: 'r' }, String(node.reads)), ' reads, ',
		el('b', { class: 'w' }, String(node.writes)), ' writes in the last ' + windowSeconds + ' s');
	traffic.setAttribute('data-value', node.reads + '/' + node.writes);
	updateControls(card, node);
}

function updateSplit(state) {
	const max = Math.max(1, ...state.split.map((count) => count.connections));
	const rows = state.split.map((count) => el('tr', { 'data-node': count.node },
		el('td', {}, count.node),
		el('td', {}, count.reason),
		el('td', {}, count.read ? 'read' : 'write'),
		el('td', { class: 'n' }, String(count.connections)),
		el('td', { style: 'width: 200px' },
			el('div', { class: 'fill ' + (count.read ? 'r' : 'w'), style: 'width:' + (100 * count.connections / max) + '%' }))));
	if (rows.length === 0) {
		rows.push(el('tr', {}, el('td', { colspan: '5', class: 'muted' }, 'no connections in the last ' + state.windowSeconds + ' s')));
	}
	document.querySelector('#split tbody').replaceChildren(...rows);
	document.getElementById('window').textContent = 'connections handed out per node and reason, last '
		+ state.windowSeconds + ' s (a RoutingListener bean counts every RoutingDecision)';
	const toggle = document.getElementById('load-toggle');
	toggle.textContent = state.load.enabled ? 'Stop background load' : 'Start background load';
	toggle.setAttribute('data-enabled', String(state.load.enabled));
	document.getElementById('load-state').textContent = state.load.enabled
		? 'background load on: a feed and a profile read every 200 ms, a post written every second'
			+ (state.load.lastError ? ' – last failure: ' + state.load.lastError : '')
		: 'background load off';
}

function render(state) {
	const summary = document.getElementById('summary');
	summary.textContent = state.primary
		? 'writes go to ' + state.primary + ', reads to ' + (state.nodes.filter((n) => n.readable).map((n) => n.name).join(', ') || 'the primary (no replica serves reads)')
		: 'NO PRIMARY: writes fail until a node is promoted';
	summary.setAttribute('data-value', state.primary || '');
	summary.className = state.primary ? '' : 'alarm';
	for (const node of state.nodes) {
		updateCard(node, state.windowSeconds);
	}
	const max = Math.max(1, ...[...lagHistory.values()].flat());
	for (const [name, card] of cards) {
		drawSpark(card, lagHistory.get(name) || [], max);
	}
	updateSplit(state);
	document.getElementById('updated').textContent = 'timeline ' + state.timeline + ' · updated '
		+ new Date().toLocaleTimeString('en-GB');
}

async function poll() {
	try {
		const response = await fetch('live', { cache: 'no-store' });
		if (!response.ok) throw new Error('HTTP ' + response.status);
		render(await response.json());
	}
	catch (error) {
		document.getElementById('updated').textContent = 'cannot reach the application: ' + error.message;
	}
}

async function send(method, url) {
	const response = await fetch(url, { method });
	if (!response.ok) {
		const problem = await response.json().catch(() => ({}));
		throw new Error(problem.detail || ('HTTP ' + response.status));
	}
}

async function perform(node, action) {
	if (busy) return;
	busy = true;
	const error = document.getElementById('demo-error');
	error.textContent = '';
	document.querySelectorAll('.controls button').forEach((button) => { button.disabled = true; });
	try {
		await send('POST', 'live/nodes/' + encodeURIComponent(node) + '/' + action);
	}
	catch (failure) {
		error.textContent = node + ' – ' + (LABELS[action] || action) + ' failed: ' + failure.message;
	}
	finally {
		busy = false;
		document.querySelectorAll('.controls button').forEach((button) => { button.disabled = false; });
		await poll();
	}
}

document.getElementById('load-toggle').addEventListener('click', async (event) => {
	const enabled = event.target.getAttribute('data-enabled') !== 'true';
	try {
		await send('PUT', 'live/load?enabled=' + enabled);
	}
	finally {
		await poll();
	}
});

poll();
setInterval(poll, POLL_MILLIS);
