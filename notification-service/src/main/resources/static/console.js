// orderflow console: plain JavaScript, no build step. Every call goes to this origin: the
// notification-service API itself, or its /console/api proxy to order- and inventory-service.
'use strict';

(() => {
	const MAX_ORDERS = 100;
	const MAX_NOTIFICATIONS = 20;
	const SKUS_FOR_BURST = ['SKU-001', 'SKU-002', 'SKU-003', 'SKU-004', 'SKU-005'];
	// the service's Retry-After when it refuses a stream (LiveUpdates.RETRY_AFTER)
	const RECONNECT_AFTER_REFUSAL_MS = 10000;

	// One timeline step per event type; rank orders steps that share a timestamp.
	const STEPS = {
		OrderPlaced: { label: 'placed', rank: 1 },
		StockReserved: { label: 'stock reserved', rank: 2, outcome: 'ok' },
		StockRejected: { label: 'stock rejected', rank: 2, outcome: 'bad' },
		OrderConfirmed: { label: 'confirmed', rank: 3, outcome: 'ok' },
		OrderRejected: { label: 'rejected', rank: 3, outcome: 'bad' },
		OrderCancelled: { label: 'cancel requested', rank: 4 },
		StockReleased: { label: 'stock released', rank: 5 },
		Cancelled: { label: 'cancelled', rank: 6 },
	};

	// order-service's own history of an order, translated into the events of the saga.
	const HISTORY = {
		PENDING: { type: 'OrderPlaced', source: 'order-service' },
		CONFIRMED: { type: 'OrderConfirmed', source: 'order-service' },
		REJECTED: { type: 'OrderRejected', source: 'order-service' },
		CANCELLED: { type: 'Cancelled', source: 'order-service' },
		StockReserved: { type: 'StockReserved', source: 'inventory-service' },
		StockRejected: { type: 'StockRejected', source: 'inventory-service' },
		CancelRequested: { type: 'OrderCancelled', source: 'order-service' },
	};

	// The order statuses that inventory-service's answer causes, and that answer's event.
	const ANSWERED_BY_INVENTORY = { CONFIRMED: 'StockReserved', REJECTED: 'StockRejected' };

	// A status only moves forward: a slow answer must not undo a newer event.
	const STATUS_RANK = { PENDING: 0, CONFIRMED: 1, REJECTED: 2, CANCELLED: 2 };

	const DEAD_LETTER_SOURCES = [
		{ service: 'order-service', base: '/console/api/dead-letters/order-service' },
		{ service: 'inventory-service', base: '/console/api/dead-letters/inventory-service' },
		{ service: 'notification-service', base: '/api/dead-letters' },
	];

	const orders = new Map();
	const notificationIds = new Set();
	let stockBySku = new Map();

	const $ = (id) => document.getElementById(id);

	// ---------- small helpers ----------

	function el(tag, attributes = {}, ...children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes)) {
			if (value === undefined || value === null || value === false) {
				continue;
			}
			if (name === 'className') {
				node.className = value;
			}
			else {
				node.setAttribute(name, value === true ? '' : String(value));
			}
		}
		for (const child of children) {
			if (child !== null && child !== undefined) {
				node.append(child instanceof Node ? child : document.createTextNode(String(child)));
			}
		}
		return node;
	}

	function toDate(value) {
		if (value === null || value === undefined) {
			return null;
		}
		// An Instant may arrive as ISO text, epoch milliseconds or epoch seconds with a fraction.
		if (typeof value === 'number') {
			return new Date(value < 1e11 ? value * 1000 : value);
		}
		const date = new Date(value);
		return Number.isNaN(date.getTime()) ? null : date;
	}

	function clock(date) {
		if (!date) {
			return '';
		}
		const pad = (n, width = 2) => String(n).padStart(width, '0');
		return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
	}

	function shortId(orderId) {
		return String(orderId).slice(0, 8);
	}

	function debounce(fn, millis) {
		let timer = null;
		return (...args) => {
			clearTimeout(timer);
			timer = setTimeout(() => fn(...args), millis);
		};
	}

	// ---------- signing in (authorization code with PKCE, docs/security.md) ----------

	// The access token lives in this tab's session storage only: closing the tab signs out.
	const TOKEN = 'orderflow.token';
	const PENDING = 'orderflow.signIn';
	let signedIn = null;

	function base64Url(bytes) {
		return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function randomUrlSafe(length) {
		return base64Url(crypto.getRandomValues(new Uint8Array(length)));
	}

	function claimsOf(token) {
		const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
		return JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
	}

	function redirectUri() {
		return `${location.origin}/`;
	}

	// Off to the authorization server's login form; it sends the browser back with ?code=...
	async function beginSignIn() {
		const config = await (await fetch('/console/sign-in')).json();
		const verifier = randomUrlSafe(32);
		const state = randomUrlSafe(16);
		const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
		sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, ...config }));
		const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId,
			redirect_uri: redirectUri(), scope: 'orders', state, code_challenge: challenge, code_challenge_method: 'S256' });
		location.assign(`${config.issuer}/oauth2/authorize?${query}`);
	}

	// Back from the login form: trade the code (and the verifier only this tab knows) for a token.
	async function finishSignIn(parameters) {
		const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
		sessionStorage.removeItem(PENDING);
		history.replaceState(null, '', location.pathname);
		if (!pending || pending.state !== parameters.get('state')) {
			return false;
		}
		const response = await fetch(`${pending.issuer}/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'authorization_code', code: parameters.get('code'),
				redirect_uri: redirectUri(), client_id: pending.clientId, code_verifier: pending.verifier }),
		}).catch(() => null);
		if (!response || !response.ok) {
			return false;
		}
		sessionStorage.setItem(TOKEN, (await response.json()).access_token);
		return true;
	}

	async function signIn() {
		if (location.hostname === 'localhost') {
			// the authorization server sends the browser back to 127.0.0.1 only (RFC 8252 §7.3)
			location.assign(location.href.replace('//localhost', '//127.0.0.1'));
			return false;
		}
		const parameters = new URLSearchParams(location.search);
		if (parameters.has('code')) {
			await finishSignIn(parameters);
		}
		const token = sessionStorage.getItem(TOKEN);
		const claims = token ? claimsOf(token) : null;
		if (!claims || claims.exp * 1000 < Date.now()) {
			sessionStorage.removeItem(TOKEN);
			await beginSignIn();
			return false;
		}
		signedIn = { token, id: claims.sub, roles: claims.roles || [] };
		const operator = signedIn.roles.includes('operator');
		$('signed-in').textContent = `Signed in as ${signedIn.id} (${signedIn.roles.join(', ')})`;
		$('customer').value = signedIn.id;
		$('customer').readOnly = true;
		$('order-form').hidden = operator;
		$('sign-out').hidden = false;
		$('sign-out').addEventListener('click', () => {
			sessionStorage.removeItem(TOKEN);
			location.assign(location.pathname);
		});
		return true;
	}

	async function call(method, url, body) {
		const options = { method, headers: { Accept: 'application/json, application/problem+json' } };
		if (signedIn) {
			options.headers.Authorization = `Bearer ${signedIn.token}`;
		}
		if (body !== undefined) {
			options.headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(body);
		}
		let response;
		try {
			response = await fetch(url, options);
		}
		catch (error) {
			return { ok: false, status: 0, problem: { detail: 'the console cannot reach notification-service' } };
		}
		if (response.status === 401 && signedIn) {
			// expired (or the authorization server restarted with a new key): sign in again
			sessionStorage.removeItem(TOKEN);
			beginSignIn();
		}
		const type = response.headers.get('Content-Type') || '';
		const data = type.includes('json') ? await response.json().catch(() => null) : null;
		return response.ok ? { ok: true, status: response.status, data }
			: { ok: false, status: response.status, problem: data || { detail: `HTTP ${response.status}` } };
	}

	function describe(problem) {
		if (!problem) {
			return 'unknown error';
		}
		return problem.detail || problem.title || JSON.stringify(problem);
	}

	function announce(text) {
		$('announcer').textContent = `${clock(new Date())} ${text}`;
	}

	// ---------- orders ----------

	function orderState(orderId) {
		let order = orders.get(orderId);
		if (!order) {
			order = { orderId, status: 'PENDING', steps: new Map(), lines: [], fetchedAt: 0 };
			orders.set(orderId, order);
		}
		return order;
	}

	function addStep(order, type, at, source, exact) {
		const existing = order.steps.get(type);
		// An event seen on the stream knows its real time and emitter: it wins over history.
		if (existing && (existing.exact || !exact)) {
			return;
		}
		order.steps.set(type, { type, at: toDate(at), source, exact });
	}

	function mergeOrderView(view) {
		const order = orderState(view.orderId);
		if ((STATUS_RANK[view.status] ?? 0) >= (STATUS_RANK[order.status] ?? 0)) {
			order.status = view.status;
		}
		order.customerEmail = view.customerEmail;
		order.customerId = view.customerId;
		order.lines = view.lines || order.lines;
		order.reason = view.reason || order.reason;
		order.cancelRequested = view.cancelRequested || order.cancelRequested;
		order.createdAt = toDate(view.createdAt) || order.createdAt;
		order.fetchedAt = Date.now();
		for (const entry of view.history || []) {
			const step = HISTORY[entry.status || entry.event];
			if (step) {
				addStep(order, step.type, entry.at, step.source, false);
			}
			// inventory's answer is kept as the status it caused: show the answer too, for a
			// customer's stream skips the live event of an order whose OrderPlaced
			// notification-service had not read yet (the owner is not known then)
			const answer = entry.source === 'inventory' && ANSWERED_BY_INVENTORY[entry.status];
			if (answer) {
				addStep(order, answer, entry.at, 'inventory-service', false);
			}
		}
		return order;
	}

	async function fetchOrder(orderId) {
		const result = await call('GET', `/console/api/orders/${encodeURIComponent(orderId)}`);
		if (result.ok && result.data) {
			const before = orders.get(orderId)?.status;
			const order = mergeOrderView(result.data);
			renderOrder(order);
			if (before && before !== order.status) {
				announce(`Order ${shortId(orderId)} is ${order.status}`);
			}
		}
	}

	const refetchTimers = new Map();

	function refetchSoon(orderId) {
		clearTimeout(refetchTimers.get(orderId));
		refetchTimers.set(orderId, setTimeout(() => {
			refetchTimers.delete(orderId);
			fetchOrder(orderId);
		}, 250));
	}

	function onOrderEvent(event) {
		if (!event || !event.orderId) {
			return;
		}
		const order = orderState(event.orderId);
		addStep(order, event.type, event.occurredAt, event.source, true);
		const next = { OrderConfirmed: 'CONFIRMED', OrderRejected: 'REJECTED', StockReleased: 'CANCELLED' }[event.type];
		if (next && (STATUS_RANK[next] >= STATUS_RANK[order.status])) {
			order.status = next;
			announce(`Order ${shortId(order.orderId)} ${STEPS[event.type].label}`);
		}
		if (event.type === 'OrderCancelled') {
			order.cancelRequested = true;
		}
		if (!order.createdAt && event.type === 'OrderPlaced') {
			order.createdAt = toDate(event.occurredAt);
		}
		renderOrder(order);
		// The event says what happened; order-service says the rest (reason, lines, customer).
		refetchSoon(event.orderId);
		if (event.source === 'inventory-service') {
			refreshStockSoon();
		}
	}

	function statusBadge(status) {
		return el('span', { className: 'status', 'data-status': status }, status);
	}

	function timeline(order) {
		const steps = [...order.steps.values()].sort((a, b) =>
			((a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)) || ((STEPS[a.type]?.rank ?? 9) - (STEPS[b.type]?.rank ?? 9)));
		const list = el('ol', { className: 'timeline', 'aria-label': `Saga of order ${shortId(order.orderId)}` });
		for (const step of steps) {
			const known = STEPS[step.type];
			list.append(el('li', { className: 'step', 'data-type': step.type, 'data-outcome': known?.outcome },
				el('span', { className: 'step-name' }, known ? known.label : step.type),
				el('span', { className: 'step-meta' }, el('time', { datetime: step.at?.toISOString() }, clock(step.at)),
					' · ', step.source || '')));
		}
		return list;
	}

	function orderCard(order) {
		const id = shortId(order.orderId);
		const lines = (order.lines || []).map((line) => `${line.quantity} × ${line.sku}`).join(', ');
		const head = el('div', { className: 'order-head' },
			el('h3', {}, 'Order ', el('code', { title: order.orderId }, id)),
			statusBadge(order.status),
			lines ? el('span', { className: 'order-lines' }, lines) : null,
			order.customerEmail ? el('span', { className: 'order-customer' }, order.customerEmail) : null);
		if (order.status === 'PENDING' || order.status === 'CONFIRMED') {
			const button = el('button', { type: 'button', className: 'cancel', disabled: order.cancelRequested },
				order.cancelRequested ? 'Cancelling…' : 'Cancel',
				el('span', { className: 'visually-hidden' }, ` order ${id}`));
			button.addEventListener('click', () => cancelOrder(order.orderId, button));
			head.append(button);
		}
		const card = el('li', { className: 'order', 'data-order-id': order.orderId, 'data-status': order.status }, head);
		if (order.reason) {
			card.append(el('p', { className: 'reason' }, 'Reason: ', order.reason));
		}
		if (order.problem) {
			card.append(el('p', { className: 'order-problem', role: 'alert' }, order.problem));
		}
		card.append(timeline(order));
		return card;
	}

	function renderOrder(order) {
		const list = $('orders');
		const existing = list.querySelector(`li[data-order-id="${CSS.escape(order.orderId)}"]`);
		// Keep keyboard focus on a cancel button that is re-rendered under it.
		const hadFocus = existing && existing.contains(document.activeElement);
		const card = orderCard(order);
		if (existing) {
			existing.replaceWith(card);
		}
		else {
			insertNewestFirst(list, card, order);
		}
		if (hadFocus) {
			(card.querySelector('button') || $('orders-heading')).focus();
		}
		while (list.children.length > MAX_ORDERS) {
			const last = list.lastElementChild;
			orders.delete(last.dataset.orderId);
			last.remove();
		}
		updateOrderCount();
	}

	function insertNewestFirst(list, card, order) {
		const created = order.createdAt?.getTime() ?? Date.now();
		for (const other of list.children) {
			const otherCreated = orders.get(other.dataset.orderId)?.createdAt?.getTime() ?? Date.now();
			if (created >= otherCreated) {
				list.insertBefore(card, other);
				return;
			}
		}
		list.append(card);
	}

	function updateOrderCount() {
		const count = $('orders').children.length;
		$('orders-count').textContent = count ? `(${count})` : '';
		$('orders-empty').hidden = count > 0;
	}

	async function loadOrders() {
		const result = await call('GET', '/console/api/orders?limit=50');
		if (!result.ok) {
			$('orders-empty').textContent = `Orders are not available: ${describe(result.problem)}`;
			return;
		}
		for (const view of result.data || []) {
			renderOrder(mergeOrderView(view));
		}
	}

	async function cancelOrder(orderId, button) {
		button.disabled = true;
		const result = await call('POST', `/console/api/orders/${encodeURIComponent(orderId)}/cancel`);
		const order = orderState(orderId);
		if (result.ok) {
			order.problem = null;
			if (result.data) {
				mergeOrderView(result.data);
			}
			order.cancelRequested = true;
			announce(`Cancel requested for order ${shortId(orderId)}`);
		}
		else {
			order.problem = `Cancel failed: ${describe(result.problem)}`;
		}
		renderOrder(order);
		refetchSoon(orderId);
	}

	// A missed stream event must not leave an order pending on screen forever.
	function pollUnsettledOrders() {
		const stale = Date.now() - 3000;
		let budget = 10;
		for (const order of orders.values()) {
			const unsettled = order.status === 'PENDING' || (order.cancelRequested && order.status !== 'CANCELLED');
			if (unsettled && order.fetchedAt < stale && budget-- > 0) {
				order.fetchedAt = Date.now();
				fetchOrder(order.orderId);
			}
		}
	}

	// ---------- placing orders ----------

	function formOrder(sku, quantity) {
		return {
			customerId: $('customer').value.trim(),
			customerEmail: $('email').value.trim(),
			lines: [{ sku, quantity }],
		};
	}

	async function place(request) {
		const result = await call('POST', '/console/api/orders', request);
		if (result.ok && result.data) {
			const order = orderState(result.data.orderId);
			order.lines = request.lines;
			order.customerEmail = request.customerEmail;
			order.createdAt = order.createdAt || new Date();
			renderOrder(order);
			refetchSoon(order.orderId);
		}
		return result;
	}

	function showResult(text, isError, orderId) {
		const result = $('form-result');
		result.textContent = text;
		result.classList.toggle('error', Boolean(isError));
		if (orderId) {
			result.dataset.orderId = orderId;
		}
		else {
			delete result.dataset.orderId;
		}
	}

	async function placeFromForm(event) {
		event.preventDefault();
		const quantityText = $('quantity').value.trim();
		const quantity = /^-?\d+$/.test(quantityText) ? Number(quantityText) : quantityText;
		const result = await place(formOrder($('sku').value.trim(), quantity));
		if (result.ok) {
			showResult(`Order ${shortId(result.data.orderId)} placed: ${result.data.status}`, false, result.data.orderId);
			announce(`Order ${shortId(result.data.orderId)} placed`);
		}
		else {
			showResult(`Not placed: ${describe(result.problem)}`, true);
		}
	}

	async function placeScarce() {
		const result = await place(formOrder('SKU-SCARCE', 5));
		showResult(result.ok ? `Order ${shortId(result.data.orderId)} placed: 5 × SKU-SCARCE`
			: `Not placed: ${describe(result.problem)}`, !result.ok, result.ok ? result.data.orderId : null);
	}

	async function burst() {
		const button = $('burst');
		button.disabled = true;
		let accepted = 0;
		let failed = 0;
		let next = 0;
		const total = 50;
		// A few requests in flight at a time: fast on screen, gentle on a laptop.
		const worker = async () => {
			while (next < total) {
				const index = next++;
				const sku = SKUS_FOR_BURST[index % SKUS_FOR_BURST.length];
				const result = await place(formOrder(sku, 1 + (index % 3)));
				if (result.ok) {
					accepted++;
				}
				else {
					failed++;
				}
				showResult(`Burst: ${accepted} of ${total} accepted${failed ? `, ${failed} failed` : ''}`, failed > 0);
			}
		};
		await Promise.all([worker(), worker(), worker(), worker(), worker()]);
		announce(`Burst done: ${accepted} orders placed`);
		button.disabled = false;
	}

	// ---------- stock ----------

	async function loadStock() {
		const result = await call('GET', '/console/api/stock');
		const error = $('stock-error');
		if (!result.ok) {
			error.textContent = `Stock is not available: ${describe(result.problem)}`;
			error.hidden = false;
			return;
		}
		error.hidden = true;
		const previous = stockBySku;
		stockBySku = new Map((result.data || []).map((stock) => [stock.sku, stock]));
		const rows = [...stockBySku.values()].sort((a, b) => a.sku.localeCompare(b.sku)).map((stock) => {
			const before = previous.get(stock.sku);
			const changed = before && (before.available !== stock.available || before.reserved !== stock.reserved);
			return el('tr', { 'data-sku': stock.sku, className: changed ? 'changed' : null },
				el('td', { className: 'mono' }, stock.sku),
				el('td', { className: stock.available < 5 ? 'available low' : 'available' }, stock.available),
				el('td', { className: 'reserved' }, stock.reserved));
		});
		document.querySelector('#stock tbody').replaceChildren(...rows);
		$('sku-options').replaceChildren(...[...stockBySku.keys()].sort().map((sku) => el('option', { value: sku })));
	}

	const refreshStockSoon = debounce(loadStock, 400);

	// ---------- notifications ----------

	function notificationItem(notification) {
		const failed = notification.status === 'FAILED';
		return el('li', { 'data-order-id': notification.orderId },
			// Full order ids make long lines on a projector: the short form, the full one on hover.
			el('span', { className: 'notification-subject', title: notification.subject },
				String(notification.subject || '').replace(notification.orderId, shortId(notification.orderId))),
			el('span', { className: 'notification-meta' }, 'to ', notification.recipient, ' · ',
				el('time', {}, clock(toDate(notification.createdAt)))),
			failed ? el('span', { className: 'notification-failed' }, ` · not sent: ${notification.error || 'failed'}`) : null);
	}

	function addNotification(notification, atTop) {
		const key = notification.eventId || notification.id;
		if (notificationIds.has(key)) {
			return;
		}
		notificationIds.add(key);
		const list = $('notifications');
		const item = notificationItem(notification);
		if (atTop) {
			list.prepend(item);
		}
		else {
			list.append(item);
		}
		while (list.children.length > MAX_NOTIFICATIONS) {
			list.lastElementChild.remove();
		}
		$('notifications-empty').hidden = list.children.length > 0;
	}

	async function loadNotifications() {
		const result = await call('GET', `/api/notifications?limit=${MAX_NOTIFICATIONS}`);
		if (result.ok) {
			for (const notification of result.data || []) {
				addNotification(notification, false);
			}
		}
	}

	// ---------- dead letters (shown only once a service has some) ----------

	const deadLetters = new Map();

	function deadLetterRecords(data) {
		if (Array.isArray(data)) {
			return data;
		}
		for (const key of ['deadLetters', 'records', 'items', 'content']) {
			if (data && Array.isArray(data[key])) {
				return data[key];
			}
		}
		return [];
	}

	function deadLetterText(record) {
		const where = [record.originalTopic || record.topic, record.originalPartition ?? record.partition, record.originalOffset ?? record.offset]
			.filter((part) => part !== undefined && part !== null).join(' / ');
		const why = record.exceptionMessage || record.exception || record.reason || record.error || '';
		const key = record.key || record.orderId || '';
		return [where, key, why].filter(Boolean).join(' — ') || JSON.stringify(record);
	}

	async function loadDeadLetters() {
		if (!signedIn.roles.includes('operator')) {
			// dead letters are the operator's: a customer's console does not ask
			return;
		}
		await Promise.all(DEAD_LETTER_SOURCES.filter((source) => !source.unsupported).map(async (source) => {
			const result = await call('GET', source.base);
			if (result.ok) {
				// replayed records stay on the DLT topic; only those still waiting for a fix are shown
				deadLetters.set(source.service, deadLetterRecords(result.data).filter((record) => !record.replayed));
			}
			else if (result.status === 404 || result.status === 405) {
				// This service has no dead-letter API (yet): stop asking.
				source.unsupported = true;
				deadLetters.delete(source.service);
			}
		}));
		renderDeadLetters();
	}

	function renderDeadLetters() {
		const groups = [];
		for (const source of DEAD_LETTER_SOURCES) {
			const records = deadLetters.get(source.service) || [];
			if (!records.length) {
				continue;
			}
			const button = el('button', { type: 'button' }, `Replay ${records.length} from ${source.service}`);
			button.addEventListener('click', () => replay(source, button));
			groups.push(el('div', { className: 'dead-letter-group' },
				el('h3', {}, `${source.service}: ${records.length}`),
				el('ul', { className: 'dead-letter-list' },
					...records.slice(0, 10).map((record) => el('li', { className: 'mono' }, deadLetterText(record)))),
				button));
		}
		$('dead-letter-groups').replaceChildren(...groups);
		$('dead-letters').hidden = groups.length === 0;
	}

	async function replay(source, button) {
		button.disabled = true;
		const result = await call('POST', `${source.base}/replay`);
		announce(result.ok ? `Dead letters of ${source.service} replayed`
			: `Replay failed for ${source.service}: ${describe(result.problem)}`);
		await loadDeadLetters();
	}

	// ---------- API docs link, once a service publishes OpenAPI ----------

	async function probeApiDocs() {
		const result = await call('GET', '/v3/api-docs');
		$('api-docs').hidden = !result.ok;
	}

	// ---------- live stream ----------

	function connect(down = false) {
		const connection = $('connection');
		let wasDown = down;
		// EventSource sends no headers: the stream alone takes the token in its URL
		const stream = new EventSource(`/api/notifications/stream?access_token=${encodeURIComponent(signedIn.token)}`);
		stream.addEventListener('open', () => {
			connection.dataset.state = 'live';
			connection.textContent = 'Live';
			if (wasDown) {
				// Events sent while disconnected are gone: read the current state again.
				wasDown = false;
				reloadAll();
			}
		});
		stream.addEventListener('error', () => {
			wasDown = true;
			connection.dataset.state = 'reconnecting';
			connection.textContent = 'Reconnecting…';
			// EventSource reconnects by itself when a stream ends, but gives up on an answer that is
			// not a stream (503 while the service has all the streams it allows): try again later.
			if (stream.readyState === EventSource.CLOSED) {
				setTimeout(() => connect(true), RECONNECT_AFTER_REFUSAL_MS);
			}
		});
		stream.addEventListener('order-event', (message) => onOrderEvent(JSON.parse(message.data)));
		stream.addEventListener('notification', (message) => {
			const notification = JSON.parse(message.data);
			addNotification(notification, true);
			announce(`E-mail to ${notification.recipient}: ${notification.subject}`);
		});
	}

	function reloadAll() {
		return Promise.all([loadOrders(), loadStock(), loadNotifications(), loadDeadLetters()]);
	}

	async function start() {
		if (!await signIn()) {
			return;
		}
		$('order-form').addEventListener('submit', placeFromForm);
		$('scarce').addEventListener('click', placeScarce);
		$('burst').addEventListener('click', burst);
		connect();
		reloadAll();
		probeApiDocs();
		setInterval(pollUnsettledOrders, 3000);
		setInterval(loadDeadLetters, 10000);
	}

	start();
})();
