/** Container management's use cases: containers per engine, registered servers, audited terminals. */
package io.quarterdeck.application.containers;
