/** Tests of the apps services with in-memory stores. */
package io.quarterdeck.application.apps;
