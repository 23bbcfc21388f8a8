/** Building blocks shared by every feature of the domain: the base of domain exceptions and JSON-like value helpers. */
package io.quarterdeck.domain.shared;
