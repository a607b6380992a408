// What the pages share: the signed-in session (kept for a reload) and what was loaded once.
export const session = JSON.parse(sessionStorage.getItem('kp.session') || 'null');
export const state = { session, stores: [], touchpoints: {}, categories: [], stream: null, charts: [], alerts: [] };
