/** The Kundenpuls API contract shared by server, app, tests and benchmarks. */
package de.kundenpuls.model;
