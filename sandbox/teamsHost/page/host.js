// The sandbox's Teams host: frames a Drypp tab and answers the teams-js postMessage protocol as
// Teams does (initialize, getContext, authentication.getAuthToken, themeChange pushes). Plain
// browser JavaScript, no build step; see ../README.md for why it shares the tab's origin.
'use strict';

const TABS = [
  { id: 'my-learning', name: 'My learning' },
  { id: 'my-team', name: 'My team' },
  { id: 'admin', name: 'Admin' },
];
const frame = document.getElementById('tab');
const controls = {
  person: document.getElementById('person'),
  theme: document.getElementById('theme'),
  locale: document.getElementById('locale'),
};
const state = { people: [], tenantId: '', themeHandlerRegistered: false, sessionId: crypto.randomUUID() };

function query() {
  return new URLSearchParams(location.search);
}

function selected() {
  const q = query();
  const person = state.people.find((p) => p.id === q.get('user')) ?? state.people[0];
  const tab = TABS.find((t) => t.id === q.get('tab')) ?? TABS[0];
  return { person, tab, theme: q.get('theme') || 'default', locale: q.get('locale') || 'en-us' };
}

/** Changes the URL (so a reload or a test can open any state) and reloads the tab if it must. */
function choose(changes, { reloadTab }) {
  const q = query();
  for (const [k, v] of Object.entries(changes)) q.set(k, v);
  history.replaceState(null, '', `?${q}`);
  render();
  if (reloadTab) loadTab();
}

function render() {
  const { person, tab, theme, locale } = selected();
  controls.person.value = person.id;
  controls.theme.value = theme;
  controls.locale.value = locale;
  document.body.dataset.theme = theme;
  const nav = document.getElementById('tabs');
  nav.replaceChildren(
    ...TABS.map((t) => {
      const a = document.createElement('a');
      const q = query();
      q.set('tab', t.id);
      a.href = `?${q}`;
      a.textContent = t.name;
      if (t.id === tab.id) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (e) => {
        e.preventDefault();
        choose({ tab: t.id }, { reloadTab: true });
      });
      return a;
    }),
  );
}

function loadTab() {
  state.themeHandlerRegistered = false;
  const { tab } = selected();
  frame.src = `/tabs/${tab.id}.html`;
}

/** The legacy (v1) context shape Teams sends; teams-js turns it into app.getContext()'s v2 shape. */
function context() {
  const { person, tab, theme, locale } = selected();
  return {
    locale,
    theme,
    entityId: tab.id,
    subEntityId: '',
    userObjectId: person.id,
    userPrincipalName: person.userPrincipalName,
    loginHint: person.userPrincipalName,
    userDisplayName: person.displayName,
    tid: state.tenantId,
    hostClientType: 'web',
    hostName: 'Teams',
    frameContext: 'content',
    appSessionId: state.sessionId,
    isFullScreen: false,
  };
}

/** What this host supports, in the runtime config teams-js reads at initialize (apiVersion 4). */
const runtimeConfig = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, appEntity: {}, authentication: {}, pages: { appButton: {}, tabs: {} }, teamsCore: {} },
};

async function token() {
  const { person } = selected();
  const res = await fetch('/_host/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: person.id }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || typeof body.token !== 'string')
    throw new Error(body.error || `token request failed (${res.status})`);
  return body.token;
}

function reply(request, args) {
  frame.contentWindow?.postMessage(
    { id: request.id, uuidAsString: request.uuidAsString, args },
    location.origin,
  );
}

async function answer(request) {
  switch (request.func) {
    case 'initialize':
      return reply(request, ['content', 'web', JSON.stringify(runtimeConfig), '2.58.0']);
    case 'getContext':
      return reply(request, [context()]);
    case 'authentication.getAuthToken':
      try {
        return reply(request, [true, await token()]);
      } catch (error) {
        return reply(request, [false, String(error.message || error)]);
      }
    case 'registerHandler':
      if (request.args?.[0] === 'themeChange') state.themeHandlerRegistered = true;
      return undefined;
    default:
      // appInitialization.appLoaded / success and the like need no answer.
      return undefined;
  }
}

window.addEventListener('message', (event) => {
  // Only the framed tab, and only from our own origin (the tab is served from it through the proxy).
  if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const request = event.data;
  if (!request || typeof request.func !== 'string') return;
  void answer(request);
});

controls.person.addEventListener('change', () =>
  choose({ user: controls.person.value }, { reloadTab: true }),
);
controls.locale.addEventListener('change', () =>
  choose({ locale: controls.locale.value }, { reloadTab: true }),
);
controls.theme.addEventListener('change', () => {
  choose({ theme: controls.theme.value }, { reloadTab: false });
  // Teams pushes the new theme to a tab that registered for it; one that did not keeps its theme.
  if (state.themeHandlerRegistered) {
    frame.contentWindow?.postMessage({ func: 'themeChange', args: [controls.theme.value] }, location.origin);
  }
});

(async () => {
  const res = await fetch('/_host/people');
  const body = await res.json();
  state.people = body.people;
  state.tenantId = body.tenantId;
  controls.person.replaceChildren(
    ...state.people.map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = `${p.displayName} (${p.roleLabel})`;
      return option;
    }),
  );
  render();
  loadTab();
})();
