/** The system configuration service: shows the effective settings redacted, changes the runtime-changeable ones. */
package io.quarterdeck.application.system;
