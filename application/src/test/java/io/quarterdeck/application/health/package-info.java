/** Unit tests of liveness and readiness against a hand-written database probe. */
package io.quarterdeck.application.health;
