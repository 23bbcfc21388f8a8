/** Administration under /api/v1 (admins): API keys, service clients, people and their roles, the audit log. */
package io.quarterdeck.adapters.rest.apiv1.admin;
