package de.kundenpuls.model.survey;

import java.time.Instant;

/**
 * One version of a survey.
 *
 * @param id         survey id (stable across versions)
 * @param version    version number, from 1
 * @param definition the content of this version
 * @param createdAt  when this version was saved
 * @param createdBy  who saved it
 */
public record SurveyView(String id, int version, SurveyDefinition definition, Instant createdAt, String createdBy) {
}
