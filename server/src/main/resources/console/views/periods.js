// ---------- periods as the server labels them ----------
/** The ISO-8601 week of a date (yyyy-mm-dd) as the server labels weeks: 2026-W49. */
export function isoWeek(day) {
  // The week's Thursday decides its year; week 1 holds the year's first Thursday.
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
  return d.getUTCFullYear() + '-W' + String(week).padStart(2, '0');
}

/** The label of the period holding a day, in the server's form. */
export function periodOf(day, granularity) {
  switch (granularity) {
    case 'day': return day;
    case 'week': return isoWeek(day);
    case 'month': return day.slice(0, 7);
    default: return day.slice(0, 4) + '-Q' + (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
  }
}

/** The range of the same length just before [from, to]. */
export function previousRange(from, to) {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  const prevTo = new Date(Date.parse(from) - 86400000);
  const prevFrom = new Date(prevTo.getTime() - (days - 1) * 86400000);
  return { from: prevFrom.toISOString().slice(0, 10), to: prevTo.toISOString().slice(0, 10), days };
}
