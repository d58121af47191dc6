import { createRoot } from 'react-dom/client';
import { connectToTeams } from './host/teams.ts';
import { OutsideTeams, TabApp, type TabName } from './App.tsx';
import './tab.css';

/**
 * Entry of the three tab pages (my-learning.html, my-team.html, admin.html): the page's
 * `data-tab` says which tab it is, so the manifest's URLs stay the contract with Teams.
 */
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('the tab page has no #root');
const tab = (rootElement.dataset.tab ?? 'my-learning') as TabName;
const root = createRoot(rootElement);

const connection = await connectToTeams();
if (connection.kind === 'outsideTeams') root.render(<OutsideTeams />);
else root.render(<TabApp tab={tab} session={connection.session} />);
