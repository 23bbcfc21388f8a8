/** Use cases of incidents. */
package io.quarterdeck.application.port.in.incidents;
