/** Building blocks shared by every feature of the domain: the base of domain exceptions, JSON-like value and text rules. */
package io.quarterdeck.domain.shared;
