// The console's texts in German and English; the browser language decides, the user may switch.
const texts = {
  de: {
    'signin.intro': 'Melden Sie sich an, um Erlebnisse, Fälle und Kampagnen zu steuern.',
    'signin.role': 'Rolle', 'signin.store': 'Markt', 'signin.button': 'Anmelden',
    'signin.email': 'E-Mail-Adresse', 'signin.password': 'Passwort', 'signin.devButton': 'Mit Entwicklungsrolle anmelden',
    'signin.devIntro': 'Entwicklungsanmeldung (nur auf dem lokalen Standard): eine Rolle wählen, ohne Konto.',
    'signin.err.email': 'Bitte eine gültige E-Mail-Adresse eingeben.', 'signin.err.password': 'Bitte das Passwort eingeben.',
    'signin.err.unknown': 'Zu dieser E-Mail-Adresse gibt es kein Konto.', 'signin.err.wrong': 'Das Passwort ist falsch.',
    'signin.err.many': 'Zu viele Versuche – bitte später erneut versuchen.', 'signin.err.network': 'Der Anmeldedienst ist nicht erreichbar.',
    'signin.err.role': 'Dieses Konto hat keine Rolle für die Konsole. Bitte wenden Sie sich an Ihre Administration.',
    'signin.token': 'Mit Firebase-ID-Token anmelden', 'signin.tokenLabel': 'ID-Token', 'signin.tokenButton': 'Token verwenden',
    'role.marketer': 'Marketing', 'role.admin': 'Administration', 'role.staff': 'Marktmitarbeiter/in', 'role.shopper': 'Kund/in',
    'nav.dashboard': 'Erlebnis-Dashboard', 'nav.cases': 'Fälle', 'nav.campaigns': 'Kampagnen', 'nav.offers': 'Angebote',
    'nav.surveys': 'Umfragen', 'nav.admin': 'Administration', signout: 'Abmelden',
    'dash.title': 'Kundenerlebnis', 'dash.store': 'Markt', 'dash.all': 'Alle Märkte', 'dash.from': 'Von', 'dash.to': 'Bis',
    'dash.answers': 'Antworten', 'dash.heatmap': 'CSAT je Markt × Touchpoint', 'dash.trend': 'Verlauf je Woche',
    'dash.dimensions': 'Funktional vs. emotional', 'dash.worst': 'Schwächste Touchpoints', 'dash.comments': 'Kommentare',
    'dash.alerts': 'Alarme', 'dash.of': 'von', 'dash.unhappy': 'unzufrieden', 'dash.noAlerts': 'Keine Alarme.', 'dash.live': 'Live', 'dash.noData': 'Noch keine Antworten.',
    'cases.title': 'Fälle', 'cases.state': 'Status', 'cases.active': 'Offen & beantwortet', 'cases.all': 'Alle',
    'cases.open': 'offen', 'cases.answered': 'beantwortet', 'cases.closed': 'geschlossen', 'cases.overdue': 'überfällig',
    'cases.due': 'Fällig', 'cases.reply': 'Antwort an die Kundin / den Kunden', 'cases.send': 'Antwort senden',
    'cases.close': 'Fall schließen', 'cases.none': 'Keine Fälle.', 'cases.pick': 'Wählen Sie einen Fall.',
    'camp.title': 'Kampagnen', 'camp.new': 'Neue Kampagne', 'camp.name': 'Name', 'camp.audience': 'Zielgruppe',
    'camp.stores': 'Heimatmärkte', 'camp.locales': 'Sprachen', 'camp.platforms': 'Plattformen', 'camp.category': 'Interesse an Kategorie',
    'camp.minAffinity': 'Mindest-Affinität', 'camp.nps': 'NPS-Gruppe', 'camp.visited': 'Besuch in den letzten … Tagen',
    'camp.size': 'erreichbare Profile (mit Einwilligung)', 'camp.variants': 'Texte', 'camp.title.de': 'Titel (de)',
    'camp.body.de': 'Text (de)', 'camp.title.en': 'Titel (en)', 'camp.body.en': 'Text (en)', 'camp.ab': 'A/B-Test mit Variante B',
    'camp.shareA': 'Anteil A (%)', 'camp.offer': 'Angebot', 'camp.none': '— keins —', 'camp.schedule': 'Versand um (leer = sofort)',
    'camp.quiet': 'Ruhezeit (von–bis)', 'camp.cap': 'Höchstens … pro 7 Tage', 'camp.create': 'Kampagne speichern',
    'camp.send': 'Jetzt senden', 'camp.preview': 'Vorschau', 'camp.funnel': 'Trichter', 'camp.targeted': 'Zielgruppe',
    'camp.sent': 'gesendet', 'camp.opened': 'geöffnet', 'camp.redeemed': 'eingelöst', 'camp.failed': 'fehlgeschlagen',
    'camp.suppressed': 'unterdrückt', 'camp.unregistered': 'abgemeldet', 'camp.placeholders': 'Platzhalter: {firstName}, {store}, {offer}',
    'offers.title': 'Angebote', 'offers.new': 'Neues Angebot', 'offers.titleDe': 'Titel (de)', 'offers.titleEn': 'Titel (en)',
    'offers.benefit': 'Vorteil', 'offers.category': 'Kategorie', 'offers.gtin': 'oder GTIN', 'offers.days': 'Gültig (Tage)',
    'offers.recovery': 'Wiedergutmachungsangebot', 'offers.create': 'Angebot speichern', 'offers.update': 'Angebot aktualisieren', 'surveys.update': 'Als neue Version speichern', 'offers.validTo': 'gültig bis',
    'surveys.title': 'Umfragen', 'surveys.new': 'Neue Umfrage', 'surveys.name': 'Name', 'surveys.questions': 'Fragen',
    'surveys.all': 'Alle Umfragen', 'surveys.question': 'Frage', 'surveys.option': 'Antwort', 'surveys.values': 'Werte', 'surveys.qid': 'Kennung', 'surveys.type': 'Art', 'surveys.required': 'Pflichtfrage',
    'surveys.up': 'Nach oben', 'surveys.down': 'Nach unten', 'surveys.remove': 'Entfernen', 'surveys.textDe': 'Text (Deutsch)',
    'surveys.textEn': 'Text (Englisch)', 'surveys.options': 'Antwortmöglichkeiten', 'surveys.addOption': 'Antwort hinzufügen',
    'surveys.addQuestion': 'Frage hinzufügen', 'surveys.showIf': 'Anzeigen', 'surveys.always': 'immer',
    'surveys.onlyIf': 'nur wenn Antwort auf', 'surveys.anyOf': 'eine dieser ist:', 'surveys.from': 'Aktiv ab', 'surveys.to': 'Aktiv bis',
    'surveys.stores': 'Märkte', 'surveys.categories': 'Warengruppen', 'surveys.targetingHint': 'Nichts ausgewählt heißt: überall. Mehrfachauswahl mit Strg bzw. ⌘.',
    'surveys.allowPartial': 'Kiosk darf unvollständige Antworten nach Zeitablauf senden', 'surveys.none': 'Noch keine Umfragen.',
    'surveys.questionsCount': 'Fragen', 'surveys.everywhere': 'überall',
    'surveys.type.smiley': 'Smileys (1–5)', 'surveys.type.nps': 'Weiterempfehlung (0–10)', 'surveys.type.ces': 'Aufwand (1–7)',
    'surveys.type.single': 'Einfachauswahl', 'surveys.type.multiple': 'Mehrfachauswahl', 'surveys.type.text': 'Freitext',
    'surveys.touchpoints': 'Touchpoints', 'surveys.create': 'Umfrage speichern', 'surveys.version': 'Version',
    'admin.title': 'Administration', 'admin.stores': 'Märkte und Touchpoints', 'admin.import': 'Katalog-Import (CSV)',
    'admin.importButton': 'Importieren', 'admin.imported': 'importiert', 'admin.rejected': 'abgelehnte Zeilen', 'admin.row': 'Zeile',
    'admin.field': 'Feld', 'admin.reason': 'Grund', 'admin.audit': 'Audit-Log', 'admin.erase': 'Kundin/Kunde auf Wunsch löschen',
    'admin.uid': 'Kunden-ID', 'admin.storeName': 'Name', 'admin.city': 'Stadt', 'admin.timeZone': 'Zeitzone', 'admin.saveStore': 'Markt speichern', 'admin.eraseButton': 'Endgültig löschen', 'admin.erased': 'Gelöscht.',
    saved: 'Gespeichert.', error: 'Fehler'
  },
  en: {
    'signin.intro': 'Sign in to steer experiences, cases and campaigns.',
    'signin.role': 'Role', 'signin.store': 'Store', 'signin.button': 'Sign in',
    'signin.email': 'E-mail address', 'signin.password': 'Password', 'signin.devButton': 'Sign in with a dev role',
    'signin.devIntro': 'Dev sign-in (local default only): pick a role, no account needed.',
    'signin.err.email': 'Please enter a valid e-mail address.', 'signin.err.password': 'Please enter your password.',
    'signin.err.unknown': 'There is no account with this e-mail address.', 'signin.err.wrong': 'The password is wrong.',
    'signin.err.many': 'Too many attempts – please try again later.', 'signin.err.network': 'The sign-in service cannot be reached.',
    'signin.err.role': 'This account has no console role. Please ask your administrator.',
    'signin.token': 'Sign in with a Firebase ID token', 'signin.tokenLabel': 'ID token', 'signin.tokenButton': 'Use token',
    'role.marketer': 'Marketing', 'role.admin': 'Admin', 'role.staff': 'Store staff', 'role.shopper': 'Shopper',
    'nav.dashboard': 'Experience dashboard', 'nav.cases': 'Cases', 'nav.campaigns': 'Campaigns', 'nav.offers': 'Offers',
    'nav.surveys': 'Surveys', 'nav.admin': 'Admin', signout: 'Sign out',
    'dash.title': 'Customer experience', 'dash.store': 'Store', 'dash.all': 'All stores', 'dash.from': 'From', 'dash.to': 'To',
    'dash.answers': 'Answers', 'dash.heatmap': 'CSAT per store × touchpoint', 'dash.trend': 'Weekly trend',
    'dash.dimensions': 'Functional vs emotional', 'dash.worst': 'Weakest touchpoints', 'dash.comments': 'Comments',
    'dash.alerts': 'Alerts', 'dash.of': 'of', 'dash.unhappy': 'unhappy', 'dash.noAlerts': 'No alerts.', 'dash.live': 'Live', 'dash.noData': 'No answers yet.',
    'cases.title': 'Cases', 'cases.state': 'State', 'cases.active': 'Open & answered', 'cases.all': 'All',
    'cases.open': 'open', 'cases.answered': 'answered', 'cases.closed': 'closed', 'cases.overdue': 'overdue',
    'cases.due': 'Due', 'cases.reply': 'Reply to the customer', 'cases.send': 'Send reply',
    'cases.close': 'Close case', 'cases.none': 'No cases.', 'cases.pick': 'Pick a case.',
    'camp.title': 'Campaigns', 'camp.new': 'New campaign', 'camp.name': 'Name', 'camp.audience': 'Audience',
    'camp.stores': 'Home stores', 'camp.locales': 'Languages', 'camp.platforms': 'Platforms', 'camp.category': 'Interest in category',
    'camp.minAffinity': 'Minimum affinity', 'camp.nps': 'NPS group', 'camp.visited': 'Visited within … days',
    'camp.size': 'reachable profiles (with consent)', 'camp.variants': 'Texts', 'camp.title.de': 'Title (de)',
    'camp.body.de': 'Body (de)', 'camp.title.en': 'Title (en)', 'camp.body.en': 'Body (en)', 'camp.ab': 'A/B test with variant B',
    'camp.shareA': 'Share A (%)', 'camp.offer': 'Offer', 'camp.none': '— none —', 'camp.schedule': 'Send at (empty = now)',
    'camp.quiet': 'Quiet hours (from–to)', 'camp.cap': 'At most … per 7 days', 'camp.create': 'Save campaign',
    'camp.send': 'Send now', 'camp.preview': 'Preview', 'camp.funnel': 'Funnel', 'camp.targeted': 'Targeted',
    'camp.sent': 'sent', 'camp.opened': 'opened', 'camp.redeemed': 'redeemed', 'camp.failed': 'failed',
    'camp.suppressed': 'suppressed', 'camp.unregistered': 'unregistered', 'camp.placeholders': 'Placeholders: {firstName}, {store}, {offer}',
    'offers.title': 'Offers', 'offers.new': 'New offer', 'offers.titleDe': 'Title (de)', 'offers.titleEn': 'Title (en)',
    'offers.benefit': 'Benefit', 'offers.category': 'Category', 'offers.gtin': 'or GTIN', 'offers.days': 'Valid (days)',
    'offers.recovery': 'Service recovery offer', 'offers.create': 'Save offer', 'offers.update': 'Update offer', 'surveys.update': 'Save as new version', 'offers.validTo': 'valid until',
    'surveys.title': 'Surveys', 'surveys.new': 'New survey', 'surveys.name': 'Name', 'surveys.questions': 'Questions',
    'surveys.all': 'All surveys', 'surveys.question': 'Question', 'surveys.option': 'Choice', 'surveys.values': 'values', 'surveys.qid': 'Id', 'surveys.type': 'Type', 'surveys.required': 'Required',
    'surveys.up': 'Move up', 'surveys.down': 'Move down', 'surveys.remove': 'Remove', 'surveys.textDe': 'Text (German)',
    'surveys.textEn': 'Text (English)', 'surveys.options': 'Choices', 'surveys.addOption': 'Add choice',
    'surveys.addQuestion': 'Add question', 'surveys.showIf': 'Show', 'surveys.always': 'always',
    'surveys.onlyIf': 'only if the answer to', 'surveys.anyOf': 'is one of:', 'surveys.from': 'Active from', 'surveys.to': 'Active until',
    'surveys.stores': 'Stores', 'surveys.categories': 'Categories', 'surveys.targetingHint': 'Nothing selected means everywhere. Select several with Ctrl or ⌘.',
    'surveys.allowPartial': 'Kiosk may submit unfinished answers after the idle timeout', 'surveys.none': 'No surveys yet.',
    'surveys.questionsCount': 'questions', 'surveys.everywhere': 'everywhere',
    'surveys.type.smiley': 'Smileys (1–5)', 'surveys.type.nps': 'Recommendation (0–10)', 'surveys.type.ces': 'Effort (1–7)',
    'surveys.type.single': 'Single choice', 'surveys.type.multiple': 'Multiple choice', 'surveys.type.text': 'Free text',
    'surveys.touchpoints': 'Touchpoints', 'surveys.create': 'Save survey', 'surveys.version': 'Version',
    'admin.title': 'Admin', 'admin.stores': 'Stores and touchpoints', 'admin.import': 'Catalog import (CSV)',
    'admin.importButton': 'Import', 'admin.imported': 'imported', 'admin.rejected': 'rejected rows', 'admin.row': 'Row',
    'admin.field': 'Field', 'admin.reason': 'Reason', 'admin.audit': 'Audit log', 'admin.erase': 'Erase a customer on request',
    'admin.uid': 'Customer id', 'admin.storeName': 'Name', 'admin.city': 'City', 'admin.timeZone': 'Time zone', 'admin.saveStore': 'Save store', 'admin.eraseButton': 'Erase for good', 'admin.erased': 'Erased.',
    saved: 'Saved.', error: 'Error'
  }
};

let current = (sessionStorage.getItem('kp.lang') || navigator.language || 'de').toLowerCase().startsWith('en') ? 'en' : 'de';

export function lang() { return current; }

export function setLang(value) {
  current = value === 'en' ? 'en' : 'de';
  sessionStorage.setItem('kp.lang', current);
  document.documentElement.lang = current;
}

export function t(key) { return texts[current][key] ?? texts.de[key] ?? key; }

export function applyI18n(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}
