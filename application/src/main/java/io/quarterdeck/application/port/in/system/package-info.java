/** In-ports of the system configuration: the effective settings (secrets redacted) and the runtime changes. */
package io.quarterdeck.application.port.in.system;
