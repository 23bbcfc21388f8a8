/**
 * Administration under {@code /api/v1} (admins): API keys, service clients, people and their roles, and the audit
 * log. The Health Monitor's own settings endpoints share the DTOs.
 */
package io.quarterdeck.adapters.rest.admin;
