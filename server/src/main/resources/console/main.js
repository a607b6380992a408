// Kundenpuls console: a small single-page app on the server's REST API, no build step. ES modules:
// main (start), state, api (fetch with the session), dom (elements, formats), session (sign-in),
// router (shell, live stream, pages by role) and one module per page under views/.
import { showError } from './dom.js';
import { lang, setLang } from './i18n.js';
import { boot, route } from './router.js';
import { signOut, init } from './session.js';

// ---------- start ----------
document.getElementById('lang').addEventListener('click', () => { setLang(lang() === 'de' ? 'en' : 'de'); boot(); });
document.getElementById('signout').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
setLang(lang());
init().catch(showError);
