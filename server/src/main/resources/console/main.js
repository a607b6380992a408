// Kundenpuls console: a small single-page app on the server's REST API, no build step. ES modules:
// main (start), state, api (fetch with the session), dom (elements, formats), session (sign-in),
// router (shell, live stream, pages by role) and one module per page under views/.
import './datefield.js';
import { showError } from './dom.js';
import { lang, setLang } from './i18n.js';
import { boot, route } from './router.js';
import { signOut, init } from './session.js';

// ---------- start ----------
document.getElementById('lang').addEventListener('click', () => { setLang(lang() === 'de' ? 'en' : 'de'); boot(); });
document.getElementById('signout').addEventListener('click', signOut);
// On a phone the navigation folds into a menu button; picking a page folds it again.
const sidebar = document.querySelector('.sidebar');
const menu = document.getElementById('menu');
const fold = open => { sidebar.classList.toggle('open', open); menu.setAttribute('aria-expanded', String(open)); };
menu.addEventListener('click', () => fold(!sidebar.classList.contains('open')));
sidebar.addEventListener('click', e => { if (e.target.closest('a[data-view]')) fold(false); });
window.addEventListener('hashchange', route);
setLang(lang());
init().catch(showError);
