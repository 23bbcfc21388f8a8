/** Request bodies read in one place: the charset decided once, JSON and form bodies parsed strictly, every failure a 4xx naming the field. */
package io.quarterdeck.adapters.rest.spine.body;
